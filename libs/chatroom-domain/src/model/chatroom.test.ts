import { describe, expect, it } from 'vitest';
import { failureOf } from '../use-cases/test-fixtures.js';
import { DEFAULT_APP_SETTINGS } from './app.js';
import {
  assertCustom,
  assertCustomRoomId,
  assertDescription,
  assertMaxUsers,
  assertName,
  assertTransferable,
  fitsJoinedRoomCap,
  fitsMaxUsers,
  type Chatroom,
} from './chatroom.js';
import type { UserId } from './user-id.js';

const EMOJI = '😀'; // one code point, two UTF-16 units, four UTF-8 bytes

describe('room name limit (128 code points)', () => {
  it('accepts 128 astral characters, though they are 256 UTF-16 units', () => {
    expect(() => assertName(EMOJI.repeat(128))).not.toThrow();
  });

  it('rejects 129 characters', async () => {
    expect(await failureOf(() => assertName('n'.repeat(129)))).toEqual({
      class: 'LimitExceededError',
      code: 'NameTooLong',
      message: 'title cannot exceed to 128',
    });
  });

  it('rejects 129 astral characters', async () => {
    expect((await failureOf(() => assertName(EMOJI.repeat(129)))).code).toBe('NameTooLong');
  });
});

describe('room description limit (512 code points)', () => {
  it('accepts 512 astral characters', () => {
    expect(() => assertDescription(EMOJI.repeat(512))).not.toThrow();
  });

  it('rejects 513 characters', async () => {
    expect(await failureOf(() => assertDescription('中'.repeat(513)))).toEqual({
      class: 'LimitExceededError',
      code: 'DescriptionTooLong',
      message: 'desc cannot exceed to 512',
    });
  });
});

describe('room custom limit (8192 bytes of UTF-8)', () => {
  it('accepts 2048 four-byte characters (8192 bytes)', () => {
    expect(() => assertCustom(EMOJI.repeat(2048))).not.toThrow();
  });

  it('accepts three-byte characters padded to exactly 8192 bytes', () => {
    expect(() => assertCustom(`${'中'.repeat(2730)}é`)).not.toThrow();
  });

  it('rejects 8193 bytes made of multibyte characters', async () => {
    expect(await failureOf(() => assertCustom(`${EMOJI.repeat(2048)}a`))).toEqual({
      class: 'LimitExceededError',
      code: 'CustomTooLong',
      message: 'custom cannot exceed to 8192',
    });
  });

  it('counts bytes, not characters: 4096 characters of é are fine, 4097 are not', async () => {
    expect(() => assertCustom('é'.repeat(4096))).not.toThrow();
    expect((await failureOf(() => assertCustom('é'.repeat(4097)))).code).toBe('CustomTooLong');
  });
});

describe('maxusers range', () => {
  const settings = { ...DEFAULT_APP_SETTINGS, maxUsersCeiling: 50 };

  it('accepts 1 and the app ceiling', () => {
    expect(() => assertMaxUsers(1, settings)).not.toThrow();
    expect(() => assertMaxUsers(50, settings)).not.toThrow();
  });

  it.each([0, -1, 1.5, Number.NaN])('rejects %d as an invalid parameter', async (n) => {
    expect(await failureOf(() => assertMaxUsers(n, settings))).toEqual({
      class: 'InvalidInputError',
      code: 'InvalidParameter',
      message: 'maxusers must be an integer of at least 1',
    });
  });

  it('rejects a value above the app ceiling, naming the ceiling', async () => {
    expect(await failureOf(() => assertMaxUsers(51, settings))).toEqual({
      class: 'LimitExceededError',
      code: 'MaxUsersAboveCeiling',
      message: 'maxUsers cannot exceed 50',
    });
  });
});

describe('custom room id', () => {
  it('accepts 64 characters of a-z and 0-9', () => {
    expect(() => assertCustomRoomId('a1'.repeat(32))).not.toThrow();
  });

  it.each(['', 'a'.repeat(65), 'Room1', 'room-1', 'room 1', 'rüm'])('rejects %j', async (id) => {
    expect(await failureOf(() => assertCustomRoomId(id))).toEqual({
      class: 'InvalidInputError',
      code: 'InvalidParameter',
      message: 'roomid must be 1 to 64 characters of a-z and 0-9',
    });
  });
});

describe('member cap: 1 + members ≤ maxusers', () => {
  it('fits when the count equals maxusers', () => {
    expect(fitsMaxUsers(5, 5)).toBe(true);
  });

  it('does not fit one above maxusers', () => {
    expect(fitsMaxUsers(6, 5)).toBe(false);
  });
});

describe('per-user joined-room cap', () => {
  const settings = { ...DEFAULT_APP_SETTINGS, joinedRoomCap: 3 };

  it('fits at the cap and not above it', () => {
    expect(fitsJoinedRoomCap(3, settings)).toBe(true);
    expect(fitsJoinedRoomCap(4, settings)).toBe(false);
  });
});

describe('ownership transfer rule', () => {
  const room = { owner: 'alice' as UserId } as Chatroom;

  it('refuses the current owner as the new owner', async () => {
    expect(await failureOf(() => assertTransferable(room, 'alice' as UserId, 'owner'))).toEqual({
      class: 'ForbiddenOperationError',
      code: 'SameOwner',
      message: 'new owner and old owner are the same',
    });
  });

  it('refuses a user who is not a member', async () => {
    expect(await failureOf(() => assertTransferable(room, 'carol' as UserId, null))).toEqual({
      class: 'ForbiddenOperationError',
      code: 'NotMembers',
      message: 'users [carol] are not members of this group!',
    });
  });

  it.each(['member', 'admin'] as const)('accepts a user whose role is %s', (role) => {
    expect(() => assertTransferable(room, 'bob' as UserId, role)).not.toThrow();
  });
});
