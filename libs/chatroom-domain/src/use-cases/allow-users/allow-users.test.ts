import { describe, expect, it } from 'vitest';
import { ListRoomUsers } from '../list-room-users/list-room-users.js';
import { PromoteAdmin } from '../promote-admin/promote-admin.js';
import { batchTooLarge, failureOf, GHOST_404, names, ROOM_404, perUserWorld } from '../test-fixtures.js';
import { AllowUsers } from './allow-users.js';

async function setup() {
  const s = await perUserWorld((deps) => new AllowUsers(deps), ['bob', 'carol']);
  const allowed = () => new ListRoomUsers(s.w.deps).execute(s.w.app, s.id, 'allowlist');
  return { ...s, allowed };
}

describe('AllowUsers', () => {
  describe('one user', () => {
    it('puts the member on the allowlist; they stay a member', async () => {
      const { w, id, one, allowed } = await setup();
      expect(await one('Carol')).toBe('carol');
      expect(await allowed()).toEqual(['carol']);
      expect(await w.affiliations(id)).toEqual(['owner:alice', 'member:bob', 'member:carol']);
    });

    it('holds explicit entries only: neither the owner nor an admin is on it until added', async () => {
      const { w, id, one, allowed } = await setup();
      await new PromoteAdmin(w.deps).execute(w.app, id, 'bob');
      expect(await allowed()).toEqual([]);
      await one('alice');
      expect(await allowed()).toEqual(['alice']);
    });

    it('allowing a user twice lists them once', async () => {
      const { one, allowed } = await setup();
      await one('bob');
      await one('carol');
      await one('bob');
      expect(await allowed()).toEqual(['bob', 'carol']);
    });

    it('refuses a user who is not a member', async () => {
      const { one, allowed } = await setup();
      expect(await failureOf(one('dave'))).toEqual({
        class: 'ForbiddenOperationError',
        code: 'NotMembers',
        message: 'users [dave] are not members of this group!',
      });
      expect(await allowed()).toEqual([]);
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
    it('allows the members among the users (the owner included) and gives the others a reason', async () => {
      const { id, many, allowed } = await setup();
      expect(await many(['carol', 'dave', 'ghost', 'alice'])).toEqual([
        { username: 'carol', ok: true },
        { username: 'dave', ok: false, reason: `user: dave doesn't exist in chatroom: ${id}` },
        { username: 'ghost', ok: false, reason: "user ghost doesn't exist" },
        { username: 'alice', ok: true },
      ]);
      expect(await allowed()).toEqual(['carol', 'alice']);
    });

    it('accepts 60 users', async () => {
      const { many } = await setup();
      expect(await many(names('u', 60))).toHaveLength(60);
    });

    it('refuses 61 users with the reference message', async () => {
      const { many } = await setup();
      expect(await failureOf(many(names('u', 61)))).toEqual(
        batchTooLarge('usernames size is more than max limit : 60'),
      );
    });

    it('refuses an unknown room', async () => {
      const { many } = await setup();
      expect(await failureOf(many(['bob'], '404'))).toEqual(ROOM_404);
    });
  });
});
