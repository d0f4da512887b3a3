import { describe, expect, it } from 'vitest';
import { codePointLength, utf8ByteLength } from './text.js';

describe('codePointLength', () => {
  it('counts an astral character (two UTF-16 units) as one', () => {
    expect('😀'.length).toBe(2);
    expect(codePointLength('a😀中')).toBe(3);
  });

  it('is 0 for the empty string', () => {
    expect(codePointLength('')).toBe(0);
  });
});

describe('utf8ByteLength', () => {
  it.each([
    ['a', 1],
    ['é', 2],
    ['中', 3],
    ['😀', 4],
    ['aé中😀', 10],
    ['', 0],
  ])('%s is %i bytes of UTF-8', (text, bytes) => {
    expect(utf8ByteLength(text)).toBe(bytes);
  });
});
