import { describe, expect, it } from 'vitest';
import { ListAdmins } from '../list-admins/list-admins.js';
import { failureOf, GHOST_404, ROOM_404, TestWorld } from '../test-fixtures.js';
import { PromoteAdmin } from './promote-admin.js';

async function setup() {
  const w = await TestWorld.create();
  await w.users('alice', 'bob', 'carol', 'dave');
  const id = await w.room('alice', ['bob', 'carol']);
  const promote = (username: string, roomId = id) => new PromoteAdmin(w.deps).execute(w.app, roomId, username);
  const admins = (roomId = id) => new ListAdmins(w.deps).execute(w.app, roomId);
  return { w, id, promote, admins };
}

describe('PromoteAdmin', () => {
  it('makes a member an admin, still listed among the members, and answers the user id', async () => {
    const { w, id, promote, admins } = await setup();
    expect(await promote('Carol')).toBe('carol');
    expect(await admins()).toEqual(['carol']);
    expect(await w.affiliations(id)).toEqual(['owner:alice', 'member:bob', 'admin:carol']);
    expect((await w.details(id)).room.memberCount).toBe(3);
  });

  it('promoting an admin again succeeds and changes nothing', async () => {
    const { w, id, promote, admins } = await setup();
    await promote('bob');
    expect(await promote('bob')).toBe('bob');
    expect(await admins()).toEqual(['bob']);
    expect(await w.affiliations(id)).toEqual(['owner:alice', 'admin:bob', 'member:carol']);
  });

  it('refuses the owner', async () => {
    const { id, promote } = await setup();
    expect(await failureOf(promote('alice'))).toEqual({
      class: 'ForbiddenOperationError',
      code: 'OwnerCannotBeAdmin',
      message: `the owner of chatroom ${id} can not be an admin`,
    });
  });

  it('refuses a user who is not a member', async () => {
    const { promote, admins } = await setup();
    expect(await failureOf(promote('dave'))).toEqual({
      class: 'ForbiddenOperationError',
      code: 'NotMembers',
      message: 'users [dave] are not members of this group!',
    });
    expect(await admins()).toEqual([]);
  });

  it('refuses an unknown user', async () => {
    const { promote } = await setup();
    expect(await failureOf(promote('ghost'))).toEqual(GHOST_404);
  });

  it('refuses an unknown room', async () => {
    const { promote } = await setup();
    expect(await failureOf(promote('bob', '404'))).toEqual(ROOM_404);
  });

  describe('at most 99 admins', () => {
    async function roomWith99Admins() {
      const s = await setup();
      const members = await s.w.manyUsers('m', 100);
      const big = await s.w.room('alice', members);
      for (const m of members.slice(0, 99)) await s.promote(m, big);
      return { ...s, big };
    }

    it('accepts the 99th admin and refuses the 100th', async () => {
      const { big, promote, admins } = await roomWith99Admins();
      expect(await admins(big)).toHaveLength(99);
      expect(await failureOf(promote('m100', big))).toEqual({
        class: 'LimitExceededError',
        code: 'AdminLimitReached',
        message: `the number of admins of chatroom ${big} has reached the limit of 99`,
      });
      expect(await admins(big)).toHaveLength(99);
    });

    it('promoting one of the 99 again still succeeds', async () => {
      const { big, promote } = await roomWith99Admins();
      expect(await promote('m1', big)).toBe('m1');
    });
  });
});
