import { describe, expect, it } from 'vitest';
import type { Repositories } from '../ports/unit-of-work.js';
import { AddMembers } from '../use-cases/add-members/add-members.js';
import { DeleteUser } from '../use-cases/delete-user/delete-user.js';
import { outcomeOf, waitForBlocked } from './outcomes.js';
import { useStore, type StoreFactory, type StoreHandle } from './store-factory.js';
import {
  affiliationsOf,
  countMismatches,
  deferred,
  seedApp,
  seedRoom,
  seedUsers,
  tryAddMembers,
} from './store-fixtures.js';

/**
 * Runs `hold` in a unit of work that then keeps its locks (uncommitted) until `release` is
 * called. `held` resolves once `hold` has run.
 */
export function holding(h: StoreHandle, hold: (r: Repositories) => Promise<void>) {
  const held = deferred();
  const released = deferred();
  const done = h.uow.write(async (r) => {
    await hold(r);
    held.resolve();
    await released.promise;
  });
  return { held: held.promise, release: () => released.resolve(), done };
}

/** An addition runs into a dissolve that holds the room, waits, and then answers ChatroomNotFound, adding nobody. */
export async function forceAddWhileDissolving(h: StoreHandle, blockedWithinMs?: number): Promise<void> {
  const app = await seedApp(h);
  const [owner, joiner] = await seedUsers(h, app, 2);
  const room = await seedRoom(h, app, owner!);

  const dissolve = holding(h, async (r) => {
    expect(await r.chatrooms.delete(app.id, room.id)).toBe(true);
  });
  await dissolve.held;
  const add = outcomeOf(new AddMembers({ uow: h.uow }).execute(app, room.id, [joiner!]));
  await waitForBlocked(h, 1, blockedWithinMs);
  dissolve.release();
  await dissolve.done;

  expect(await add).toBe('ChatroomNotFound');
  expect(await h.uow.read((r) => r.memberships.joinedRooms(app.id, joiner!, 0, 10))).toEqual([]);
  expect(await h.probes.counterMismatches()).toEqual([]);
}

/** A user deletion runs into a transfer of a room to that user, waits, and then dissolves that room too. */
export async function forceDeleteWhileTransferring(h: StoreHandle, blockedWithinMs?: number): Promise<void> {
  const app = await seedApp(h);
  const [alice, bob] = await seedUsers(h, app, 2);
  const room = await seedRoom(h, app, alice!, [bob!]);

  const transfer = holding(h, async (r) => {
    await r.chatrooms.findByIdForUpdate(app.id, room.id);
    await r.memberships.transferOwnership(app.id, room.id, alice!, bob!);
  });
  await transfer.held;
  const deletion = outcomeOf(new DeleteUser({ uow: h.uow }).execute(app, bob!));
  await waitForBlocked(h, 1, blockedWithinMs);
  transfer.release();
  await transfer.done;

  expect(await deletion).toBe('ok');
  await h.uow.read(async (r) => {
    expect(await r.chatrooms.findById(app.id, room.id)).toBeNull();
    expect(await r.users.findExisting(app.id, [alice!, bob!])).toEqual([alice]);
    expect(await r.memberships.joinedRooms(app.id, alice!, 0, 10)).toEqual([]);
  });
  expect(await countMismatches(h, app, [room.id])).toEqual([]);
  expect(await h.probes.counterMismatches()).toEqual([]);
  // Dissolved as a dissolve does it: DELETE, then LEAVE/DELETE with the members it had when it
  // went (the new owner first), and no count.
  const trail = await h.uow.read((r) => r.eventLog.roomPage(app.id, room.id, 10));
  expect(trail.map(({ operation, payload, memberCount }) => ({ operation, payload, memberCount })).reverse()).toEqual([
    { operation: 'DELETE', payload: undefined, memberCount: undefined },
    { operation: 'LEAVE', payload: { member: [bob, alice], type: 'DELETE' }, memberCount: undefined },
  ]);
}

/**
 * findByIdForUpdate promises that no other unit changes the room until the holder ends: an
 * addition waits for it, and then counts against the maxusers the holder committed.
 */
export async function forceAddWhileRoomLocked(h: StoreHandle, blockedWithinMs?: number): Promise<void> {
  const app = await seedApp(h);
  const [owner, member, joiner] = await seedUsers(h, app, 3);
  const room = await seedRoom(h, app, owner!, [member!]);

  const shrink = holding(h, async (r) => {
    expect((await r.chatrooms.findByIdForUpdate(app.id, room.id))?.memberCount).toBe(2);
    await r.chatrooms.update(app.id, room.id, { maxUsers: 2 });
  });
  await shrink.held;
  const add = tryAddMembers(h, app, room.id, [joiner!]);
  await waitForBlocked(h, 1, blockedWithinMs);
  shrink.release();
  await shrink.done;

  expect(await add).toEqual({ ok: false, reason: 'room-full' });
  expect(await affiliationsOf(h, app, room.id)).toEqual([`${owner}:owner`, `${member}:member`]);
  expect(await h.probes.counterMismatches()).toEqual([]);
}

/**
 * MembershipRepository.add promises that once it added someone, no other unit can lock the
 * room until it ends: findByIdForUpdate waits, then sees the committed member count.
 */
export async function forceLockWhileAdding(h: StoreHandle, blockedWithinMs?: number): Promise<void> {
  const app = await seedApp(h);
  const [owner, joiner] = await seedUsers(h, app, 2);
  const room = await seedRoom(h, app, owner!);

  const adding = holding(h, async (r) => {
    expect(await r.memberships.add(app.id, room.id, [joiner!], 'member', app.settings.joinedRoomCap)).toEqual({
      ok: true,
      added: [joiner],
      memberCount: 2,
    });
  });
  await adding.held;
  const locked = h.uow.write((r) => r.chatrooms.findByIdForUpdate(app.id, room.id));
  await waitForBlocked(h, 1, blockedWithinMs);
  adding.release();
  await adding.done;

  expect((await locked)?.memberCount).toBe(2);
}

/**
 * Interleavings too rare for a storm to hit reliably, forced: one unit holds its locks while a
 * use case runs into them (the store's probe must see it wait), then commits.
 */
export function describeInterleavingsContract(name: string, factory: StoreFactory): void {
  describe(`${name}: forced interleavings`, () => {
    const store = useStore(factory);

    it('an addition that waits while its room is dissolved answers ChatroomNotFound and adds nobody', () =>
      forceAddWhileDissolving(store().main));

    it('deleting a user while a room is transferred to them dissolves that room too: no room is left without an owner', () =>
      forceDeleteWhileTransferring(store().main));

    it('an addition to a room locked by findByIdForUpdate waits, then counts against the maxusers committed meanwhile', () =>
      forceAddWhileRoomLocked(store().main));

    it('locking a room while a unit has added to it waits, then sees the committed member count', () =>
      forceLockWhileAdding(store().main));
  });
}
