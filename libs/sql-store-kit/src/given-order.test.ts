import { describe, expect, it } from 'vitest';
import { inAskedOrder } from './given-order.js';

describe('inAskedOrder', () => {
  it('keeps those found, once each, in the order asked, whatever order the statement returned them in', () => {
    expect(inAskedOrder(['c', 'a', 'b', 'a', 'd'], ['d', 'a', 'c'])).toEqual(['c', 'a', 'd']);
  });

  it('returns nothing when nothing was found', () => {
    expect(inAskedOrder(['a', 'b'], [])).toEqual([]);
  });
});
