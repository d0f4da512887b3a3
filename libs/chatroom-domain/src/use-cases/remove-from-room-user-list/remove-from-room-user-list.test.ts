import { describe, expect, it } from 'vitest';
import { AddMembers } from '../add-members/add-members.js';
import { AllowUsers } from '../allow-users/allow-users.js';
import { BlockUsers } from '../block-users/block-users.js';
import { ListRoomUsers } from '../list-room-users/list-room-users.js';
import type { RoomUserList } from '../../ports/room-user-list-repository.js';
import { batchTooLarge, failureOf, names, ROOM_404, TestWorld } from '../test-fixtures.js';
import { RemoveFromRoomUserList } from './remove-from-room-user-list.js';

async function setup() {
  const w = await TestWorld.create();
  await w.users('alice', 'bob', 'carol', 'dave');
  const id = await w.room('alice', ['bob', 'carol', 'dave']);
  await new BlockUsers(w.deps).many(w.app, id, ['bob', 'carol']);
  await new AllowUsers(w.deps).one(w.app, id, 'dave');
  const remove = (list: RoomUserList, usernames: string[], roomId = id) =>
    new RemoveFromRoomUserList(w.deps).execute(w.app, roomId, list, usernames);
  const listed = (list: RoomUserList) => new ListRoomUsers(w.deps).execute(w.app, id, list);
  return { w, id, remove, listed };
}

describe('RemoveFromRoomUserList', () => {
  it('unblocks: the user leaves the blocklist, is not put back in the room, and may be added again', async () => {
    const { w, id, remove, listed } = await setup();
    expect(await remove('blocklist', ['BOB'])).toEqual([{ username: 'bob', ok: true }]);
    expect(await listed('blocklist')).toEqual(['carol']);
    expect(await w.affiliations(id)).toEqual(['owner:alice', 'member:dave']);
    expect(await new AddMembers(w.deps).execute(w.app, id, ['bob'])).toEqual(['bob']);
  });

  it('takes a user off the allowlist; they stay a member', async () => {
    const { w, id, remove, listed } = await setup();
    expect(await remove('allowlist', ['dave'])).toEqual([{ username: 'dave', ok: true }]);
    expect(await listed('allowlist')).toEqual([]);
    expect(await w.affiliations(id)).toEqual(['owner:alice', 'member:dave']);
  });

  it('someone not on the list is a per-user false, and the others are removed', async () => {
    const { id, remove, listed } = await setup();
    expect(await remove('blocklist', ['dave', 'carol', 'ghost'])).toEqual([
      { username: 'dave', ok: false, reason: `user dave is not in the blocklist of chatroom ${id}` },
      { username: 'carol', ok: true },
      { username: 'ghost', ok: false, reason: `user ghost is not in the blocklist of chatroom ${id}` },
    ]);
    expect(await listed('blocklist')).toEqual(['bob']);
  });

  it('the two lists are separate: a blocked user is not on the allowlist', async () => {
    const { id, remove, listed } = await setup();
    expect(await remove('allowlist', ['bob'])).toEqual([
      { username: 'bob', ok: false, reason: `user bob is not in the allowlist of chatroom ${id}` },
    ]);
    expect(await listed('blocklist')).toEqual(['bob', 'carol']);
  });

  it.each(['blocklist', 'allowlist'] as const)('accepts 60 users off the %s', async (list) => {
    const { remove } = await setup();
    expect(await remove(list, names('u', 60))).toHaveLength(60);
  });

  it.each([
    ['blocklist', 'removeBlacklist: list size more than max limit : 60'],
    ['allowlist', 'removeWhitelist size is more than max limit : 60'],
  ] as const)('refuses 61 users off the %s with the reference message', async (list, message) => {
    const { remove } = await setup();
    expect(await failureOf(remove(list, names('u', 61)))).toEqual(batchTooLarge(message));
  });

  it('refuses an unknown room', async () => {
    const { remove } = await setup();
    expect(await failureOf(remove('blocklist', ['bob'], '404'))).toEqual(ROOM_404);
  });
});
