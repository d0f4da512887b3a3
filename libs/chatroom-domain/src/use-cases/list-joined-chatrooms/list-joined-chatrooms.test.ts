import { beforeAll, describe, expect, it } from 'vitest';
import { parseUserId } from '../../model/user-id.js';
import { DeleteUser } from '../delete-user/delete-user.js';
import { failureOf, TestWorld } from '../test-fixtures.js';
import type { PageInput } from '../../model/paging.js';
import { ListJoinedChatrooms } from './list-joined-chatrooms.js';

/** Alice owns `rooms` rooms, created (and so joined) one after the other. */
async function setup(rooms: number) {
  const w = await TestWorld.create();
  await w.users('alice', 'bob', 'carol');
  const ids: string[] = [];
  for (let i = 0; i < rooms; i++) ids.push(await w.room('alice', undefined, { name: `room ${i}` }));
  const joined = async (input: PageInput = {}, username = 'alice') =>
    (await new ListJoinedChatrooms(w.deps).execute(w.app, username, input)).map((r) => r.id);
  return { w, newestFirst: ids.reverse(), joined };
}

describe('ListJoinedChatrooms', () => {
  it('gives each room as id and name', async () => {
    const { w } = await setup(0);
    const id = await w.room('bob', ['alice'], { name: 'Lobby' });
    expect(await new ListJoinedChatrooms(w.deps).execute(w.app, 'alice', {})).toEqual([{ id, name: 'Lobby' }]);
  });

  it('lists the most recent join first', async () => {
    const { joined, newestFirst } = await setup(3);
    expect(await joined()).toEqual(newestFirst);
  });

  it('orders by join time, not by room creation time', async () => {
    const { w, joined } = await setup(0);
    const older = await w.room('bob');
    const newer = await w.room('carol', ['alice']);
    // No join use case exists yet: join the older room later through the port.
    await w.deps.uow.write((r) =>
      r.memberships.add(w.app.id, older, [parseUserId('alice')], 'member', w.app.settings.joinedRoomCap),
    );
    expect(await joined()).toEqual([older, newer]);
  });

  it('includes rooms the user owns and rooms the user is a member of', async () => {
    const { w, joined } = await setup(0);
    const owned = await w.room('alice');
    const member = await w.room('bob', ['alice']);
    await w.room('carol');
    expect(await joined()).toEqual([member, owned]);
  });

  it('gives an empty list to a user in no room', async () => {
    const { joined } = await setup(2);
    expect(await joined({}, 'bob')).toEqual([]);
  });

  it('accepts the user id in any case', async () => {
    const { joined, newestFirst } = await setup(1);
    expect(await joined({}, 'ALICE')).toEqual(newestFirst);
  });

  it('pages with pagenum and pagesize', async () => {
    const { joined, newestFirst } = await setup(5);
    expect(await joined({ pagenum: 1, pagesize: 2 })).toEqual(newestFirst.slice(0, 2));
    expect(await joined({ pagenum: 2, pagesize: 2 })).toEqual(newestFirst.slice(2, 4));
    expect(await joined({ pagenum: 3, pagesize: 2 })).toEqual(newestFirst.slice(4));
    expect(await joined({ pagenum: 4, pagesize: 2 })).toEqual([]);
  });

  it('takes pagenum 1 when only pagesize is given', async () => {
    const { joined, newestFirst } = await setup(3);
    expect(await joined({ pagesize: 2 })).toEqual(newestFirst.slice(0, 2));
  });

  it('refuses an unknown user', async () => {
    const { joined } = await setup(0);
    expect(await failureOf(joined({}, 'ghost'))).toEqual({
      class: 'NotFoundError',
      code: 'UserResourceNotFound',
      message: 'Service resource not found',
    });
  });

  it('refuses a user who has been deleted', async () => {
    const { w, joined } = await setup(1);
    await new DeleteUser(w.deps).execute(w.app, 'bob');
    expect((await failureOf(joined({}, 'bob'))).code).toBe('UserResourceNotFound');
  });

  it.each([
    ['pagesize', { pagesize: 0 }],
    ['pagesize', { pagenum: 1, pagesize: 1.5 }],
    ['pagenum', { pagenum: 0 }],
    ['pagenum', { pagenum: -2, pagesize: 10 }],
  ])('refuses a bad %s (%o)', async (name, input) => {
    const { joined } = await setup(0);
    expect(await failureOf(joined(input))).toEqual({
      class: 'InvalidInputError',
      code: 'InvalidParameter',
      message: `${name} must be a positive integer`,
    });
  });

  describe('with 1001 joined rooms', () => {
    let world: Awaited<ReturnType<typeof setup>>;
    beforeAll(async () => {
      world = await setup(1001);
    });

    it('gives the 500 most recent when neither pagenum nor pagesize is given', async () => {
      expect(await world.joined()).toEqual(world.newestFirst.slice(0, 500));
    });

    it('gives pages of 1000 when only pagenum is given', async () => {
      expect(await world.joined({ pagenum: 1 })).toEqual(world.newestFirst.slice(0, 1000));
      expect(await world.joined({ pagenum: 2 })).toEqual(world.newestFirst.slice(1000));
    });

    it('clamps a pagesize above 1000 to 1000', async () => {
      expect(await world.joined({ pagesize: 5000 })).toHaveLength(1000);
    });
  });
});
