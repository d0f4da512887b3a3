import { describe, expect, it } from 'vitest';
import type { AppSettings } from '../../model/app.js';
import { BlockUsers } from '../block-users/block-users.js';
import { batchTooLarge, failureOf, GHOST_404, names, ROOM_404, TestWorld } from '../test-fixtures.js';
import { AddMembers } from './add-members.js';

async function setup(settings?: Partial<AppSettings>) {
  const w = await TestWorld.create(settings);
  await w.users('alice', 'bob', 'carol', 'dave');
  const id = await w.room('alice', ['bob']);
  const add = (usernames: string[], roomId = id) => new AddMembers(w.deps).execute(w.app, roomId, usernames);
  return { w, id, add };
}

describe('AddMembers', () => {
  it('adds the users after the existing members, in the order given, and answers every requested user', async () => {
    const { w, id, add } = await setup();
    expect(await add(['dave', 'carol'])).toEqual(['dave', 'carol']);
    expect(await w.affiliations(id)).toEqual(['owner:alice', 'member:bob', 'member:dave', 'member:carol']);
    expect((await w.details(id)).room.memberCount).toBe(4);
  });

  it('lower-cases the ids and drops duplicates', async () => {
    const { w, id, add } = await setup();
    expect(await add(['Carol', 'CAROL', 'carol'])).toEqual(['carol']);
    expect(await w.affiliations(id)).toEqual(['owner:alice', 'member:bob', 'member:carol']);
  });

  it('adding someone already in the room (the owner too) succeeds and changes nothing', async () => {
    const { w, id, add } = await setup();
    const before = await w.details(id);
    expect(await add(['bob', 'alice'])).toEqual(['bob', 'alice']);
    expect(await w.details(id)).toEqual(before);
    expect(await w.joinedIds('bob')).toEqual([id]);
  });

  it('lists users already present among the new members of a mixed batch, and adds only the others', async () => {
    const { w, id, add } = await setup();
    expect(await add(['carol', 'bob'])).toEqual(['carol', 'bob']);
    expect(await w.affiliations(id)).toEqual(['owner:alice', 'member:bob', 'member:carol']);
  });

  it('members already present take no new place: a full room accepts them', async () => {
    const { w, add } = await setup();
    const full = await w.room('alice', ['bob'], { maxUsers: 2 });
    expect(await add(['bob'], full)).toEqual(['bob']);
  });

  it('accepts 100 users at once', async () => {
    const { w, id, add } = await setup();
    const many = await w.manyUsers('u', 100);
    expect(await add(many)).toHaveLength(100);
    expect((await w.details(id)).room.memberCount).toBe(102);
  });

  it('refuses 101 users with the reference message', async () => {
    const { add } = await setup();
    expect(await failureOf(add(names('u', 101)))).toEqual(
      batchTooLarge('addMembers: addMembers number more than maxSize : 100'),
    );
  });

  it('refuses an empty list', async () => {
    const { add } = await setup();
    expect(await failureOf(add([]))).toEqual({
      class: 'InvalidInputError',
      code: 'InvalidParameter',
      message: 'usernames must contain at least one user',
    });
  });

  it('refuses an ill-formed user id', async () => {
    const { add } = await setup();
    expect(await failureOf(add(['carol', 'no way']))).toEqual({
      class: 'InvalidInputError',
      code: 'InvalidUsername',
      message: 'username no way is not legal',
    });
  });

  it('refuses an unknown room', async () => {
    const { add } = await setup();
    expect(await failureOf(add(['carol'], '404'))).toEqual(ROOM_404);
  });

  it('an unknown user fails the whole batch (the first unknown named) and adds nobody', async () => {
    const { w, id, add } = await setup();
    expect(await failureOf(add(['carol', 'ghost', 'dave', 'phantom']))).toEqual(GHOST_404);
    expect(await w.affiliations(id)).toEqual(['owner:alice', 'member:bob']);
  });

  it('additions that would pass maxusers fail whole, and nothing is added', async () => {
    const { w, add } = await setup();
    const room = await w.room('alice', ['bob'], { maxUsers: 3 });
    expect(await failureOf(add(['carol', 'dave'], room))).toEqual({
      class: 'LimitExceededError',
      code: 'MembersExceedMaxUsers',
      message: 'members size is greater than max user size !',
    });
    expect(await w.affiliations(room)).toEqual(['owner:alice', 'member:bob']);
    expect(await add(['carol'], room)).toEqual(['carol']);
  });

  it('a user at the joined-room cap fails the whole batch, naming that user', async () => {
    const { w, id, add } = await setup({ joinedRoomCap: 1 });
    await w.room('dave');
    expect(await failureOf(add(['carol', 'dave']))).toEqual({
      class: 'LimitExceededError',
      code: 'JoinCapExceeded',
      message: 'can not join this group, reason:user dave has joined too many chatrooms!',
    });
    expect(await w.affiliations(id)).toEqual(['owner:alice', 'member:bob']);
  });

  it('a blocklisted user cannot be added, and neither is anyone else of the batch', async () => {
    const { w, id, add } = await setup();
    await new BlockUsers(w.deps).one(w.app, id, 'bob');
    expect(await failureOf(add(['carol', 'Bob']))).toEqual({
      class: 'ForbiddenOperationError',
      code: 'UserBlocked',
      message: `user bob is in the blocklist of chatroom ${id}`,
    });
    expect(await w.affiliations(id)).toEqual(['owner:alice']);
  });

  it('a blocklist is per room: the user may join other rooms', async () => {
    const { w, id, add } = await setup();
    await new BlockUsers(w.deps).one(w.app, id, 'bob');
    const other = await w.room('carol');
    expect(await add(['bob'], other)).toEqual(['bob']);
  });
});
