import { describe, expect, it } from 'vitest';
import { ListAdmins } from '../list-admins/list-admins.js';
import { PromoteAdmin } from '../promote-admin/promote-admin.js';
import { failureOf, GHOST_404, ROOM_404, TestWorld } from '../test-fixtures.js';
import { DemoteAdmin } from './demote-admin.js';

async function setup() {
  const w = await TestWorld.create();
  await w.users('alice', 'bob', 'carol', 'dave');
  const id = await w.room('alice', ['bob', 'carol']);
  await new PromoteAdmin(w.deps).execute(w.app, id, 'bob');
  const demote = (username: string, roomId = id) => new DemoteAdmin(w.deps).execute(w.app, roomId, username);
  return { w, id, demote };
}

describe('DemoteAdmin', () => {
  it('makes the admin an ordinary member, in the same place, and answers the user id', async () => {
    const { w, id, demote } = await setup();
    expect(await demote('BOB')).toBe('bob');
    expect(await new ListAdmins(w.deps).execute(w.app, id)).toEqual([]);
    expect(await w.affiliations(id)).toEqual(['owner:alice', 'member:bob', 'member:carol']);
  });

  it.each([
    ['an ordinary member', 'carol'],
    ['the owner', 'alice'],
    ['a user who is not in the room', 'dave'],
  ])('refuses %s: not an admin', async (_, username) => {
    const { id, demote } = await setup();
    expect(await failureOf(demote(username))).toEqual({
      class: 'ForbiddenOperationError',
      code: 'NotAdmin',
      message: `user ${username} is not an admin of chatroom ${id}`,
    });
  });

  it('refuses to demote twice', async () => {
    const { demote } = await setup();
    await demote('bob');
    expect((await failureOf(demote('bob'))).code).toBe('NotAdmin');
  });

  it('refuses an unknown user', async () => {
    const { demote } = await setup();
    expect(await failureOf(demote('ghost'))).toEqual(GHOST_404);
  });

  it('refuses an unknown room', async () => {
    const { demote } = await setup();
    expect(await failureOf(demote('bob', '404'))).toEqual(ROOM_404);
  });
});
