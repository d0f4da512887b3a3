// The room invariants of decisions.md, checked across use cases: whatever sequence of
// operations runs (in parallel too), every room stays well-formed.
import { describe, expect, it } from 'vitest';
import { CreateChatroom } from './create-chatroom/create-chatroom.js';
import { DeleteUser } from './delete-user/delete-user.js';
import { ModifyChatroom } from './modify-chatroom/modify-chatroom.js';
import { TestWorld } from './test-fixtures.js';
import { TransferChatroom } from './transfer-chatroom/transfer-chatroom.js';

/** Every room: one owner, listed among the affiliations, nobody twice, count = affiliations ≤ maxusers. */
async function expectWellFormedRooms(w: TestWorld): Promise<void> {
  for (const id of await w.roomIds()) {
    const { room, affiliations } = await w.details(id);
    const names = affiliations.map((a) => a.username);
    expect(affiliations.filter((a) => a.role === 'owner').map((a) => a.username), `owners of ${id}`).toEqual([
      room.owner,
    ]);
    expect(new Set(names).size, `distinct users of ${id}`).toBe(names.length);
    expect(room.memberCount, `count of ${id}`).toBe(affiliations.length);
    expect(room.memberCount, `count of ${id}`).toBeLessThanOrEqual(room.maxUsers);
    for (const name of names) expect(await w.userExists(name), `${name} in ${id}`).toBe(true);
  }
}

async function setup(settings = {}) {
  const w = await TestWorld.create(settings);
  await w.users('alice', 'bob', 'carol', 'dave');
  return {
    w,
    transfer: (room: string, to: string) => new TransferChatroom(w.deps).execute(w.app, room, to),
    deleteUser: (name: string) => new DeleteUser(w.deps).execute(w.app, name),
  };
}

describe('exactly one owner, always among the affiliations', () => {
  it('holds after create, even when the owner is also named as a member', async () => {
    const { w } = await setup();
    await w.room('alice', ['alice', 'bob']);
    await expectWellFormedRooms(w);
  });

  it('holds after a transfer and a transfer back', async () => {
    const { w, transfer } = await setup();
    const id = await w.room('alice', ['bob', 'carol']);
    await transfer(id, 'bob');
    await expectWellFormedRooms(w);
    await transfer(id, 'alice');
    await expectWellFormedRooms(w);
  });

  it('holds after a member is deleted', async () => {
    const { w, deleteUser } = await setup();
    await w.room('alice', ['bob', 'carol']);
    await deleteUser('bob');
    await expectWellFormedRooms(w);
  });

  it('holds after the new owner of a transferred room is deleted (the room goes with them)', async () => {
    const { w, transfer, deleteUser } = await setup();
    const id = await w.room('alice', ['bob']);
    await transfer(id, 'bob');
    await deleteUser('bob');
    expect(await w.roomIds()).toEqual([]);
    await expectWellFormedRooms(w);
  });

  it('holds when a transfer races the deletion of the new owner', async () => {
    const { w, transfer, deleteUser } = await setup();
    const id = await w.room('alice', ['bob', 'carol']);
    await Promise.allSettled([transfer(id, 'bob'), deleteUser('bob'), transfer(id, 'carol')]);
    await expectWellFormedRooms(w);
  });
});

describe('1 + members ≤ maxusers', () => {
  it('holds for a room created full and then given its exact member count as maxusers', async () => {
    const { w } = await setup();
    const id = await w.room('alice', ['bob', 'carol'], { maxUsers: 4 });
    await new ModifyChatroom(w.deps).execute(w.app, id, { maxUsers: 3 });
    await expectWellFormedRooms(w);
    expect((await w.details(id)).room).toMatchObject({ memberCount: 3, maxUsers: 3 });
  });

  it('holds when a maxusers change races user deletions and creates', async () => {
    const { w, deleteUser } = await setup();
    const id = await w.room('alice', ['bob', 'carol', 'dave']);
    await Promise.allSettled([
      deleteUser('dave'),
      new ModifyChatroom(w.deps).execute(w.app, id, { maxUsers: 3 }),
      w.room('bob', ['carol']),
    ]);
    await expectWellFormedRooms(w);
  });
});

describe('a user at most once per room', () => {
  it('holds when members repeat in any case', async () => {
    const { w } = await setup();
    const id = await w.room('alice', ['bob', 'Bob', 'BOB', 'carol']);
    expect(await w.affiliations(id)).toEqual(['owner:alice', 'member:bob', 'member:carol']);
  });

  it('holds after a transfer: the new owner is not also listed as a member', async () => {
    const { w, transfer } = await setup();
    const id = await w.room('alice', ['bob']);
    await transfer(id, 'bob');
    expect(await w.affiliations(id)).toEqual(['owner:bob', 'member:alice']);
  });
});

describe('per-user joined-room cap', () => {
  it('holds under parallel creates naming users near the cap', async () => {
    const { w } = await setup({ joinedRoomCap: 2 });
    const create = (owner: string, members: string[]) =>
      new CreateChatroom(w.deps).execute(w.app, { name: 'r', description: 'd', owner, members });
    await Promise.allSettled([
      create('alice', ['bob', 'carol']),
      create('bob', ['carol', 'dave']),
      create('carol', ['dave', 'alice']),
      create('dave', ['alice', 'bob']),
    ]);
    for (const name of ['alice', 'bob', 'carol', 'dave']) {
      expect((await w.joinedIds(name)).length, name).toBeLessThanOrEqual(2);
    }
    await expectWellFormedRooms(w);
  });

  it('holds when a deleted user is named by a create racing the deletion', async () => {
    const { w, deleteUser } = await setup();
    await Promise.allSettled([w.room('alice', ['bob']), deleteUser('bob'), w.room('carol', ['bob'])]);
    await expectWellFormedRooms(w);
  });
});
