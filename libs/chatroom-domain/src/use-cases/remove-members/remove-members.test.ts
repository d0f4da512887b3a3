import { describe, expect, it } from 'vitest';
import { batchTooLarge, failureOf, GHOST_404, names, ROOM_404, perUserWorld } from '../test-fixtures.js';
import { RemoveMembers } from './remove-members.js';

const setup = () => perUserWorld((deps) => new RemoveMembers(deps), ['bob', 'carol', 'dave']);

describe('RemoveMembers', () => {
  describe('one user', () => {
    it('removes the member, answers the user id, and the count drops', async () => {
      const { w, id, one } = await setup();
      expect(await one('Carol')).toBe('carol');
      expect(await w.affiliations(id)).toEqual(['owner:alice', 'member:bob', 'member:dave']);
      expect((await w.details(id)).room.memberCount).toBe(3);
      expect(await w.joinedIds('carol')).toEqual([]);
    });

    it('refuses to remove the owner', async () => {
      const { w, id, one } = await setup();
      expect(await failureOf(one('alice'))).toEqual({
        class: 'ForbiddenOperationError',
        code: 'RemoveOwner',
        message: `can not remove the owner of chatroom ${id}`,
      });
      expect(await w.affiliations(id)).toHaveLength(4);
    });

    it('refuses a user who is not a member', async () => {
      const { one } = await setup();
      expect(await failureOf(one('erin'))).toEqual({
        class: 'ForbiddenOperationError',
        code: 'NotMembers',
        message: 'users [erin] are not members of this group!',
      });
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
    it('gives each user its own result and removes the members among them', async () => {
      const { w, id, many } = await setup();
      expect(await many(['dave', 'erin', 'ghost', 'alice', 'BOB'])).toEqual([
        { username: 'dave', ok: true },
        { username: 'erin', ok: false, reason: `user: erin doesn't exist in group: ${id}` },
        { username: 'ghost', ok: false, reason: "user ghost doesn't exist" },
        { username: 'alice', ok: false, reason: `can not remove the owner of chatroom ${id}` },
        { username: 'bob', ok: true },
      ]);
      expect(await w.affiliations(id)).toEqual(['owner:alice', 'member:carol']);
    });

    it('takes a batch where nobody can be removed: every result false, nothing changes', async () => {
      const { w, id, many } = await setup();
      const results = await many(['erin', 'ghost']);
      expect(results.map((r) => r.ok)).toEqual([false, false]);
      expect(await w.affiliations(id)).toHaveLength(4);
    });

    it('names a user given twice once', async () => {
      const { many } = await setup();
      expect(await many(['bob', 'Bob'])).toEqual([{ username: 'bob', ok: true }]);
    });

    it('accepts 60 users', async () => {
      const { many } = await setup();
      expect(await many(names('u', 60))).toHaveLength(60);
    });

    it('refuses 61 users with the reference message', async () => {
      const { many } = await setup();
      expect(await failureOf(many(names('u', 61)))).toEqual(
        batchTooLarge('kickMember: kickMembers number more than maxSize : 60'),
      );
    });

    it('refuses an unknown room', async () => {
      const { many } = await setup();
      expect(await failureOf(many(['bob'], '404'))).toEqual(ROOM_404);
    });
  });
});
