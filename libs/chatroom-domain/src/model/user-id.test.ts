import { describe, expect, it } from 'vitest';
import { failureOf } from '../use-cases/test-fixtures.js';
import { parseUserId, parseUserIds } from './user-id.js';

describe('parseUserId', () => {
  it('lower-cases the input', () => {
    expect(parseUserId('Alice')).toBe('alice');
  });

  it('accepts a-z, 0-9, underscore, hyphen and dot', () => {
    expect(parseUserId('a-z_0.9')).toBe('a-z_0.9');
  });

  it('accepts exactly 64 bytes', () => {
    expect(parseUserId('a'.repeat(64))).toBe('a'.repeat(64));
  });

  it('rejects 65 bytes as USERNAME_TOO_LONG', async () => {
    expect(await failureOf(() => parseUserId('a'.repeat(65)))).toEqual({
      class: 'InvalidInputError',
      code: 'UsernameTooLong',
      message: 'USERNAME_TOO_LONG',
    });
  });

  it('checks the length before the characters', async () => {
    expect((await failureOf(() => parseUserId('@'.repeat(65)))).code).toBe('UsernameTooLong');
  });

  it.each(['a b', 'a@b', 'café', '中文', 'a/b', 'a+b'])('rejects %j as not legal', async (raw) => {
    expect(await failureOf(() => parseUserId(raw))).toEqual({
      class: 'InvalidInputError',
      code: 'InvalidUsername',
      message: `username ${raw} is not legal`,
    });
  });

  it('rejects the empty id', async () => {
    expect((await failureOf(() => parseUserId(''))).code).toBe('InvalidUsername');
  });

  it('names the id as given (not lower-cased) in the message', async () => {
    expect((await failureOf(() => parseUserId('Bad Name'))).message).toBe('username Bad Name is not legal');
  });
});

describe('parseUserIds', () => {
  it('drops duplicates after lower-casing and keeps first-seen order', () => {
    expect(parseUserIds(['Bob', 'alice', 'BOB', 'carol', 'Alice'])).toEqual(['bob', 'alice', 'carol']);
  });

  it('fails on the first illegal id', async () => {
    expect((await failureOf(() => parseUserIds(['ok', 'n o', '#']))).message).toBe('username n o is not legal');
  });
});
