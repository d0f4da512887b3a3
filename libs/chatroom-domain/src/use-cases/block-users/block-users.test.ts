import { describe, expect, it } from 'vitest';
import { ListRoomUsers } from '../list-room-users/list-room-users.js';
import { batchTooLarge, failureOf, GHOST_404, names, ROOM_404, perUserWorld } from '../test-fixtures.js';
import { BlockUsers } from './block-users.js';

async function setup() {
  const s = await perUserWorld((deps) => new BlockUsers(deps), ['bob', 'carol']);
  const blocked = () => new ListRoomUsers(s.w.deps).execute(s.w.app, s.id, 'blocklist');
  return { ...s, blocked };
}

describe('BlockUsers', () => {
  describe('one user', () => {
    it('puts the member on the blocklist and takes them out of the room', async () => {
      const { w, id, one, blocked } = await setup();
      expect(await one('Bob')).toBe('bob');
      expect(await blocked()).toEqual(['bob']);
      expect(await w.affiliations(id)).toEqual(['owner:alice', 'member:carol']);
      expect((await w.details(id)).room.memberCount).toBe(2);
      expect(await w.joinedIds('bob')).toEqual([]);
    });

    it('refuses the owner', async () => {
      const { w, id, one, blocked } = await setup();
      expect(await failureOf(one('alice'))).toEqual({
        class: 'ForbiddenOperationError',
        code: 'BlockOwner',
        message: `can not block the owner of chatroom ${id}`,
      });
      expect(await blocked()).toEqual([]);
      expect(await w.affiliations(id)).toHaveLength(3);
    });

    it('refuses a user who is not a member, and one already blocked (no longer a member)', async () => {
      const { one, blocked } = await setup();
      const notMember = { class: 'ForbiddenOperationError', code: 'NotMembers' };
      expect(await failureOf(one('dave'))).toEqual({
        ...notMember,
        message: 'users [dave] are not members of this group!',
      });
      await one('bob');
      expect(await failureOf(one('bob'))).toEqual({
        ...notMember,
        message: 'users [bob] are not members of this group!',
      });
      expect(await blocked()).toEqual(['bob']);
    });

    it('refuses an unknown user', async () => {
      const { one } = await setup();
      expect(await failureOf(one('ghost'))).toEqual(GHOST_404);
    });

    it('refuses an unknown room', async () => {
      const { one } = await setup();
      expect(await failureOf(one('bob', '404'))).toEqual(ROOM_404);
    });
  });

  describe('a batch', () => {
    it('blocks the members among the users and gives the others a reason', async () => {
      const { w, id, many, blocked } = await setup();
      expect(await many(['carol', 'alice', 'dave', 'ghost', 'bob'])).toEqual([
        { username: 'carol', ok: true },
        { username: 'alice', ok: false, reason: `can not block the owner of chatroom ${id}` },
        { username: 'dave', ok: false, reason: `user: dave doesn't exist in chatroom: ${id}` },
        { username: 'ghost', ok: false, reason: "user ghost doesn't exist" },
        { username: 'bob', ok: true },
      ]);
      expect(await blocked()).toEqual(['carol', 'bob']);
      expect(await w.affiliations(id)).toEqual(['owner:alice']);
    });

    it('accepts 60 users', async () => {
      const { many } = await setup();
      expect(await many(names('u', 60))).toHaveLength(60);
    });

    it('refuses 61 users with the reference message', async () => {
      const { many } = await setup();
      expect(await failureOf(many(names('u', 61)))).toEqual(batchTooLarge('userNames is more than max limit : 60'));
    });

    it('refuses an unknown room', async () => {
      const { many } = await setup();
      expect(await failureOf(many(['bob'], '404'))).toEqual(ROOM_404);
    });
  });
});
