import { describe, expect, it } from 'vitest';
import { AllowUsers } from '../allow-users/allow-users.js';
import { BlockUsers } from '../block-users/block-users.js';
import type { RoomUserList } from '../../ports/room-user-list-repository.js';
import { failureOf, ROOM_404, TestWorld } from '../test-fixtures.js';
import { ListRoomUsers } from './list-room-users.js';

async function setup() {
  const w = await TestWorld.create();
  await w.users('alice', 'bob', 'carol', 'dave', 'erin');
  const id = await w.room('alice', ['bob', 'carol', 'dave', 'erin']);
  const list = (which: RoomUserList, roomId = id) => new ListRoomUsers(w.deps).execute(w.app, roomId, which);
  return { w, id, list };
}

describe('ListRoomUsers', () => {
  it('both lists of a new room are empty', async () => {
    const { list } = await setup();
    expect(await list('blocklist')).toEqual([]);
    expect(await list('allowlist')).toEqual([]);
  });

  it('gives each list in the order its users were put on it', async () => {
    const { w, id, list } = await setup();
    await new BlockUsers(w.deps).one(w.app, id, 'dave');
    await new BlockUsers(w.deps).one(w.app, id, 'bob');
    await new AllowUsers(w.deps).many(w.app, id, ['erin', 'carol']);
    expect(await list('blocklist')).toEqual(['dave', 'bob']);
    expect(await list('allowlist')).toEqual(['erin', 'carol']);
  });

  it('is per room', async () => {
    const { w, id, list } = await setup();
    await new BlockUsers(w.deps).one(w.app, id, 'bob');
    expect(await list('blocklist', await w.room('alice', ['carol']))).toEqual([]);
  });

  it('refuses an unknown room', async () => {
    const { list } = await setup();
    expect(await failureOf(list('allowlist', '404'))).toEqual(ROOM_404);
  });
});
