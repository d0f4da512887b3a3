// The room invariants of decisions.md, checked across sequences of use cases on the in-memory
// ports. The same invariants under racing use cases, with every outcome asserted and the stored
// counters recounted, are in the contract suite (testing/room-invariants-contract.ts) and run on
// every real store: the in-memory unit of work runs one unit at a time and derives its counts,
// so here a "race" could not race and a count check could not fail.
import { describe, expect, it } from 'vitest';
import { DeleteUser } from './delete-user/delete-user.js';
import { ModifyChatroom } from './modify-chatroom/modify-chatroom.js';
import { TestWorld } from './test-fixtures.js';
import { TransferChatroom } from './transfer-chatroom/transfer-chatroom.js';

/** Every room: one owner, listed among the affiliations, nobody twice, at most maxusers, every user existing. */
async function expectWellFormedRooms(w: TestWorld): Promise<void> {
  for (const id of await w.roomIds()) {
    const { room, affiliations } = await w.details(id);
    const names = affiliations.map((a) => a.username);
    expect(
      affiliations.filter((a) => a.role === 'owner').map((a) => a.username),
      `owners of ${id}`,
    ).toEqual([room.owner]);
    expect(new Set(names).size, `distinct users of ${id}`).toBe(names.length);
    expect(affiliations.length, `affiliations of ${id}`).toBeLessThanOrEqual(room.maxUsers);
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
});

describe('1 + members ≤ maxusers', () => {
  it('holds for a room created full and then given its exact member count as maxusers', async () => {
    const { w } = await setup();
    const id = await w.room('alice', ['bob', 'carol'], { maxUsers: 4 });
    await new ModifyChatroom(w.deps).execute(w.app, id, { maxUsers: 3 });
    await expectWellFormedRooms(w);
    expect((await w.details(id)).room).toMatchObject({ memberCount: 3, maxUsers: 3 });
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
