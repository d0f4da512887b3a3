import { describe, expect, it } from 'vitest';
import type { Repositories } from '../ports/unit-of-work.js';
import { AddMembers } from '../use-cases/add-members/add-members.js';
import { DeleteUser } from '../use-cases/delete-user/delete-user.js';
import { outcomeOf, waitForBlocked } from './outcomes.js';
import { useStore, type StoreFactory, type StoreHandle } from './store-factory.js';
import { countMismatches, deferred, seedApp, seedRoom, seedUsers } from './store-fixtures.js';

/**
 * Runs `hold` in a unit of work that then keeps its locks (uncommitted) until `release` is
 * called. `held` resolves once `hold` has run.
 */
function holding(h: StoreHandle, hold: (r: Repositories) => Promise<void>) {
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
  });
}
