import { describe, expect, it } from 'vitest';
import type { AppSettings } from '../../model/app.js';
import { DissolveChatroom } from '../dissolve-chatroom/dissolve-chatroom.js';
import { RegisterUsers } from '../register-users/register-users.js';
import { failureOf, TestWorld } from '../test-fixtures.js';
import { CreateChatroom, type CreateChatroomInput } from './create-chatroom.js';

const EMOJI = '😀'; // one code point, four UTF-8 bytes

async function setup(settings?: Partial<AppSettings>) {
  const w = await TestWorld.create(settings);
  await w.users('alice', 'bob', 'carol', 'dave');
  const create = (input: Partial<CreateChatroomInput> = {}) =>
    new CreateChatroom(w.deps).execute(w.app, { name: 'room', description: 'a room', owner: 'alice', ...input });
  return { w, create };
}

describe('CreateChatroom', () => {
  describe('the created room', () => {
    it('has the given fields and the defaults (maxusers 1000, empty custom, mute off)', async () => {
      const { w, create } = await setup();
      const { id } = await create({ name: 'Lobby', description: 'Say hi' });
      expect((await w.details(id)).room).toEqual({
        appId: w.app.id,
        id,
        seq: expect.any(Number),
        name: 'Lobby',
        description: 'Say hi',
        maxUsers: 1000,
        owner: 'alice',
        custom: '',
        created: w.deps.clock.now(),
        muteAll: false,
        memberCount: 1,
      });
    });

    it('keeps the given maxusers and custom', async () => {
      const { w, create } = await setup();
      const { id } = await create({ maxUsers: 3, custom: '{"k":1}' });
      expect((await w.details(id)).room).toMatchObject({ maxUsers: 3, custom: '{"k":1}' });
    });

    it('gets a numeric id, increasing with creation time', async () => {
      const { create } = await setup();
      const first = (await create()).id;
      const second = (await create()).id;
      expect(first).toMatch(/^\d+$/);
      expect(BigInt(second)).toBeGreaterThan(BigInt(first));
    });

    it('never reuses the id of a dissolved room', async () => {
      const { w, create } = await setup();
      const { id } = await create();
      await new DissolveChatroom(w.deps).execute(w.app, id);
      expect((await create()).id).not.toBe(id);
    });

    it('has the owner as its only owner, listed first, then the members in the order given', async () => {
      const { w, create } = await setup();
      const { id } = await create({ members: ['carol', 'bob'] });
      expect(await w.affiliations(id)).toEqual(['owner:alice', 'member:carol', 'member:bob']);
      expect((await w.details(id)).room.memberCount).toBe(3);
    });

    it('lower-cases the owner and member ids', async () => {
      const { w, create } = await setup();
      const { id } = await create({ owner: 'ALICE', members: ['Bob'] });
      expect(await w.affiliations(id)).toEqual(['owner:alice', 'member:bob']);
    });

    it('ignores duplicate members', async () => {
      const { w, create } = await setup();
      const { id } = await create({ members: ['bob', 'BOB', 'carol', 'bob'] });
      expect(await w.affiliations(id)).toEqual(['owner:alice', 'member:bob', 'member:carol']);
    });

    it("ignores the owner's own id among the members", async () => {
      const { w, create } = await setup();
      const { id } = await create({ members: ['Alice', 'bob'] });
      expect(await w.affiliations(id)).toEqual(['owner:alice', 'member:bob']);
      expect((await w.details(id)).room.memberCount).toBe(2);
    });

    it('appears in the joined rooms of the owner and of every member', async () => {
      const { w, create } = await setup();
      const { id } = await create({ members: ['bob'] });
      expect(await w.joinedIds('alice')).toEqual([id]);
      expect(await w.joinedIds('bob')).toEqual([id]);
      expect(await w.joinedIds('carol')).toEqual([]);
    });
  });

  describe('members', () => {
    it('must have at least one element when present', async () => {
      const { create } = await setup();
      expect(await failureOf(create({ members: [] }))).toEqual({
        class: 'InvalidInputError',
        code: 'InvalidParameter',
        message: 'members must contain at least one element',
      });
    });

    it('may fill the room exactly: 1 + members = maxusers', async () => {
      const { w, create } = await setup();
      const { id } = await create({ maxUsers: 3, members: ['bob', 'carol'] });
      expect((await w.details(id)).room.memberCount).toBe(3);
    });

    it('must not exceed maxusers together with the owner', async () => {
      const { w, create } = await setup();
      expect(await failureOf(create({ maxUsers: 2, members: ['bob', 'carol'] }))).toEqual({
        class: 'LimitExceededError',
        code: 'MembersExceedMaxUsers',
        message: 'members size is greater than max user size !',
      });
      expect(await w.roomIds()).toEqual([]);
    });

    it('are counted against maxusers after dropping duplicates and the owner', async () => {
      const { w, create } = await setup();
      const { id } = await create({ maxUsers: 2, members: ['bob', 'Bob', 'alice'] });
      expect((await w.details(id)).room.memberCount).toBe(2);
    });

    it('lets maxusers 1 hold the owner alone', async () => {
      const { w, create } = await setup();
      expect((await w.details((await create({ maxUsers: 1 })).id)).room.memberCount).toBe(1);
      expect((await failureOf(create({ maxUsers: 1, members: ['bob'] }))).code).toBe('MembersExceedMaxUsers');
    });

    it('must all be legal ids', async () => {
      const { create } = await setup();
      expect(await failureOf(create({ members: ['bob', 'no way'] }))).toEqual({
        class: 'InvalidInputError',
        code: 'InvalidUsername',
        message: 'username no way is not legal',
      });
    });
  });

  describe('users that do not exist', () => {
    it('refuses an unknown owner', async () => {
      const { create } = await setup();
      expect(await failureOf(create({ owner: 'ghost' }))).toEqual({
        class: 'NotFoundError',
        code: 'UserNotFound',
        message: "username ghost doesn't exist!",
      });
    });

    it('reports the first unknown member', async () => {
      const { create } = await setup();
      expect((await failureOf(create({ members: ['bob', 'ghost1', 'ghost2'] }))).message).toBe(
        "username ghost1 doesn't exist!",
      );
    });

    it('leaves nothing behind', async () => {
      const { w, create } = await setup();
      await failureOf(create({ members: ['bob', 'ghost'] }));
      expect(await w.roomIds()).toEqual([]);
      expect(await w.joinedIds('alice')).toEqual([]);
    });

    it('refuses an illegal owner id', async () => {
      const { create } = await setup();
      expect((await failureOf(create({ owner: 'a/b' }))).code).toBe('InvalidUsername');
    });
  });

  describe('field limits', () => {
    it('accepts a name of 128 astral characters', async () => {
      const { w, create } = await setup();
      const { id } = await create({ name: EMOJI.repeat(128) });
      expect((await w.details(id)).room.name).toBe(EMOJI.repeat(128));
    });

    it('refuses a name of 129 characters', async () => {
      const { w, create } = await setup();
      expect(await failureOf(create({ name: EMOJI.repeat(129) }))).toEqual({
        class: 'LimitExceededError',
        code: 'NameTooLong',
        message: 'title cannot exceed to 128',
      });
      expect(await w.roomIds()).toEqual([]);
    });

    it('accepts a description of 512 astral characters', async () => {
      const { create } = await setup();
      await expect(create({ description: EMOJI.repeat(512) })).resolves.toHaveProperty('id');
    });

    it('refuses a description of 513 characters', async () => {
      const { create } = await setup();
      expect(await failureOf(create({ description: 'd'.repeat(513) }))).toEqual({
        class: 'LimitExceededError',
        code: 'DescriptionTooLong',
        message: 'desc cannot exceed to 512',
      });
    });

    it('accepts a custom of exactly 8192 UTF-8 bytes of astral characters', async () => {
      const { w, create } = await setup();
      const { id } = await create({ custom: EMOJI.repeat(2048) });
      expect((await w.details(id)).room.custom).toBe(EMOJI.repeat(2048));
    });

    it('refuses a custom of 8193 UTF-8 bytes though it has only 2049 characters', async () => {
      const { create } = await setup();
      expect(await failureOf(create({ custom: `${EMOJI.repeat(2048)}x` }))).toEqual({
        class: 'LimitExceededError',
        code: 'CustomTooLong',
        message: 'custom cannot exceed to 8192',
      });
    });

    it.each([0, -3, 2.5])('refuses maxusers %d', async (maxUsers) => {
      const { create } = await setup();
      expect(await failureOf(create({ maxUsers }))).toEqual({
        class: 'InvalidInputError',
        code: 'InvalidParameter',
        message: 'maxusers must be an integer of at least 1',
      });
    });

    it('accepts maxusers at the default ceiling of 10000', async () => {
      const { w, create } = await setup();
      expect((await w.details((await create({ maxUsers: 10_000 })).id)).room.maxUsers).toBe(10_000);
    });

    it('refuses maxusers above the ceiling', async () => {
      const { create } = await setup();
      expect(await failureOf(create({ maxUsers: 10_001 }))).toEqual({
        class: 'LimitExceededError',
        code: 'MaxUsersAboveCeiling',
        message: 'maxUsers cannot exceed 10000',
      });
    });

    it("uses the app's own maxusers ceiling", async () => {
      const { create } = await setup({ maxUsersCeiling: 20 });
      expect((await failureOf(create({ maxUsers: 21 }))).message).toBe('maxUsers cannot exceed 20');
    });

    it("defaults maxusers to the app's ceiling when the ceiling is below 1000", async () => {
      const { w, create } = await setup({ maxUsersCeiling: 20 });
      const { id } = await create();
      expect((await w.details(id)).room.maxUsers).toBe(20);
    });
  });

  describe('caller-chosen room id', () => {
    it('is used as the room id', async () => {
      const { w, create } = await setup();
      expect(await create({ roomId: 'lobby42' })).toEqual({ id: 'lobby42' });
      expect((await w.details('lobby42')).room.owner).toBe('alice');
    });

    it('refuses an id that is taken', async () => {
      const { create } = await setup();
      await create({ roomId: 'lobby' });
      expect(await failureOf(create({ roomId: 'lobby', owner: 'bob' }))).toEqual({
        class: 'AlreadyExistsError',
        code: 'ChatroomIdTaken',
        message: 'group ID lobby already exists!',
      });
    });

    it('keeps the room that holds a taken id unchanged', async () => {
      const { w, create } = await setup();
      await create({ roomId: 'lobby', members: ['carol'] });
      await failureOf(create({ roomId: 'lobby', owner: 'bob', members: ['dave'] }));
      expect(await w.affiliations('lobby')).toEqual(['owner:alice', 'member:carol']);
      expect(await w.joinedIds('bob')).toEqual([]);
    });

    it('refuses an id outside [a-z0-9]{1,64}', async () => {
      const { create } = await setup();
      expect(await failureOf(create({ roomId: 'Lobby' }))).toEqual({
        class: 'InvalidInputError',
        code: 'InvalidParameter',
        message: 'roomid must be 1 to 64 characters of a-z and 0-9',
      });
    });

    it('is refused when the app does not allow custom ids', async () => {
      const { create } = await setup({ customRoomIds: false });
      expect(await failureOf(create({ roomId: 'lobby' }))).toEqual({
        class: 'InvalidInputError',
        code: 'InvalidParameter',
        message: 'roomid is not enabled for this app',
      });
    });

    it('never makes a generated id collide with a numeric one chosen earlier', async () => {
      const { create } = await setup();
      // The room below takes the next number as its seq, so the one after is the next generated id.
      const chosen = String(BigInt((await create()).id) + 2n);
      await create({ roomId: chosen });
      const generated = (await create()).id;
      expect(generated).not.toBe(chosen);
      expect(generated).toMatch(/^\d+$/);
    });
  });

  describe('per-app room quota', () => {
    it('allows rooms up to the quota and refuses one more', async () => {
      const { create } = await setup({ roomQuota: 2 });
      await create();
      await create();
      expect(await failureOf(create())).toEqual({
        class: 'LimitExceededError',
        code: 'RoomQuotaExceeded',
        message: 'appKey:acme#chat has create too many chatrooms!',
      });
    });

    it('is counted per app', async () => {
      const { w, create } = await setup({ roomQuota: 1 });
      await create();
      const other = await w.otherApp({ roomQuota: 1 });
      await new RegisterUsers(w.deps).execute(other, [{ username: 'alice', password: 'pw' }]);
      await expect(
        new CreateChatroom(w.deps).execute(other, { name: 'r', description: 'd', owner: 'alice' }),
      ).resolves.toHaveProperty('id');
    });

    it('is given back when a room is dissolved', async () => {
      const { w, create } = await setup({ roomQuota: 1 });
      const { id } = await create();
      await new DissolveChatroom(w.deps).execute(w.app, id);
      await expect(create()).resolves.toHaveProperty('id');
    });

    it('ends exactly at the quota under many parallel creates', async () => {
      const { w, create } = await setup({ roomQuota: 5 });
      const results = await Promise.allSettled(Array.from({ length: 20 }, () => create()));
      const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(5);
      expect(new Set(refused.map((r) => r.reason.code))).toEqual(new Set(['RoomQuotaExceeded']));
      expect(await w.roomIds()).toHaveLength(5);
    });
  });

  describe('per-user joined-room cap', () => {
    it('refuses an owner who is at the cap', async () => {
      const { create } = await setup({ joinedRoomCap: 2 });
      await create();
      await create();
      expect(await failureOf(create())).toEqual({
        class: 'LimitExceededError',
        code: 'UserRoomCapExceeded',
        message: 'user alice has joined too many chatrooms!',
      });
    });

    it('refuses a member who is at the cap, naming that member', async () => {
      const { create } = await setup({ joinedRoomCap: 1 });
      await create({ owner: 'bob' });
      expect((await failureOf(create({ members: ['carol', 'bob'] }))).message).toBe(
        'user bob has joined too many chatrooms!',
      );
    });

    it('leaves no room, no membership and no used quota behind when a member is at the cap', async () => {
      const { w, create } = await setup({ joinedRoomCap: 1, roomQuota: 2 });
      const bobs = (await create({ owner: 'bob' })).id;
      await failureOf(create({ owner: 'alice', members: ['carol', 'bob'] }));
      expect(await w.roomIds()).toEqual([bobs]);
      expect(await w.joinedIds('alice')).toEqual([]);
      expect(await w.joinedIds('carol')).toEqual([]);
      // The one slot left in the quota is still free, and alice and carol can still join one room.
      await expect(create({ owner: 'alice', members: ['carol'] })).resolves.toHaveProperty('id');
    });

    it('holds under parallel creates that all name the same member', async () => {
      const { w, create } = await setup({ joinedRoomCap: 3 });
      const owners = ['alice', 'carol', 'dave'];
      const results = await Promise.allSettled(
        Array.from({ length: 9 }, (_, i) => create({ owner: owners[i % 3]!, members: ['bob'] })),
      );
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(3);
      const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
      expect(refused.map((r) => r.reason.code)).toEqual(Array(6).fill('UserRoomCapExceeded'));
      expect(await w.joinedIds('bob')).toHaveLength(3);
      expect(await w.roomIds()).toHaveLength(3);
    });
  });
});
