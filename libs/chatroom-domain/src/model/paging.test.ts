import { describe, expect, it } from 'vitest';
import { failureOf } from '../use-cases/test-fixtures.js';
import { clampPositiveInt, decodeCursor, encodeCursor } from './paging.js';

describe('room list cursor', () => {
  it.each([1, 100_000_000_000_001, Number.MAX_SAFE_INTEGER])('round-trips seq %d', (seq) => {
    expect(decodeCursor(encodeCursor(seq))).toBe(seq);
  });

  it.each(['', 'garbage', 'cr1', 'cr10', 'CR1A', 'cr1-5', 'cr1zzzzzzzzzzzz', ' cr1a'])(
    'rejects %j as an invalid cursor',
    async (cursor) => {
      expect(await failureOf(() => decodeCursor(cursor))).toEqual({
        class: 'InvalidInputError',
        code: 'InvalidCursor',
        message: 'cursor is invalid',
      });
    },
  );
});

describe('clampPositiveInt', () => {
  it('gives the fallback when the value is absent', () => {
    expect(clampPositiveInt('limit', undefined, 10, 1000)).toBe(10);
  });

  it('keeps a value within range', () => {
    expect(clampPositiveInt('limit', 1, 10, 1000)).toBe(1);
    expect(clampPositiveInt('limit', 1000, 10, 1000)).toBe(1000);
  });

  it('clamps a value above the maximum', () => {
    expect(clampPositiveInt('limit', 1001, 10, 1000)).toBe(1000);
  });

  it.each([0, -5, 2.5, Number.NaN, Number.POSITIVE_INFINITY])('rejects %d, naming the parameter', async (value) => {
    expect(await failureOf(() => clampPositiveInt('pagesize', value, 10, 1000))).toEqual({
      class: 'InvalidInputError',
      code: 'InvalidParameter',
      message: 'pagesize must be a positive integer',
    });
  });
});
