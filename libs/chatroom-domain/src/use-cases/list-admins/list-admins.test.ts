import { describe, expect, it } from 'vitest';
import { DemoteAdmin } from '../demote-admin/demote-admin.js';
import { PromoteAdmin } from '../promote-admin/promote-admin.js';
import { failureOf, ROOM_404, TestWorld } from '../test-fixtures.js';
import { ListAdmins } from './list-admins.js';

async function setup() {
  const w = await TestWorld.create();
  await w.users('alice', 'bob', 'carol', 'dave');
  const id = await w.room('alice', ['bob', 'carol', 'dave']);
  const promote = (username: string) => new PromoteAdmin(w.deps).execute(w.app, id, username);
  const list = (roomId = id) => new ListAdmins(w.deps).execute(w.app, roomId);
  return { w, id, promote, list };
}

describe('ListAdmins', () => {
  it('is empty for a new room: the owner is not an admin', async () => {
    const { list } = await setup();
    expect(await list()).toEqual([]);
  });

  it('lists the admins in join order, whatever the order they were promoted in', async () => {
    const { promote, list } = await setup();
    await promote('dave');
    await promote('bob');
    expect(await list()).toEqual(['bob', 'dave']);
  });

  it('drops a demoted admin', async () => {
    const { w, id, promote, list } = await setup();
    await promote('bob');
    await promote('carol');
    await new DemoteAdmin(w.deps).execute(w.app, id, 'bob');
    expect(await list()).toEqual(['carol']);
  });

  it('is per room', async () => {
    const { w, promote, list } = await setup();
    await promote('bob');
    expect(await list(await w.room('alice', ['bob']))).toEqual([]);
  });

  it('refuses an unknown room', async () => {
    const { list } = await setup();
    expect(await failureOf(list('404'))).toEqual(ROOM_404);
  });
});
