import { describe, expect, it } from 'vitest';
import type { App } from '../model/app.js';
import { roomEvents } from '../model/room-event.js';
import type { UserId } from '../model/user-id.js';
import { MuteMembers } from '../use-cases/mute-members/mute-members.js';
import { UnmuteMembers } from '../use-cases/unmute-members/unmute-members.js';
import { whileHeld } from './list-commands-contract.js';
import { useStore, type StoreFactory, type StoreHandle } from './store-factory.js';
import { seedApp, seedRoom, seedUsers } from './store-fixtures.js';

/**
 * The batch unmute through its use case on every store: the same result, mutes and event
 * whether the store runs it as a unit over its repositories or as one statement of its own.
 */
/** What a lift needs: the store's units and a clock. */
type Deps = { uow: StoreHandle['uow']; clock: { now(): number } };

export function describeUnmuteContract(name: string, factory: StoreFactory): void {
  describe(`${name}: unmute`, () => {
    const store = useStore(factory);

    it('lifts the named mutes, members or not, muted or not, and stores one event naming them all', async () => {
      const h = store().main;
      const app = await seedApp(h);
      const [owner, bob, carol, outsider] = await seedUsers(h, app, 4);
      const room = await seedRoom(h, app, owner!, [bob!, carol!]);
      const deps = { uow: h.uow, clock: { now: () => Date.now() } };
      await new MuteMembers(deps).execute(app, room.id, [bob!, carol!], 3_600_000);

      expect(await new UnmuteMembers(deps).execute(app, room.id, [bob!, outsider!, owner!])).toEqual([
        bob,
        outsider,
        owner,
      ]);
      const muted = await h.uow.read((r) => r.mutes.listActive(app.id, room.id, Date.now()));
      expect(muted.map((m) => m.username)).toEqual([carol]);
      const [last] = await h.uow.read((r) => r.eventLog.roomPage(app.id, room.id, 1));
      expect(last).toMatchObject(roomEvents.unmuted(app, room.id, [bob!, outsider!, owner!])[0]!);
    });

    // Forced: a unit holds the room while it mutes the user, and the lift waits for it; the lift
    // must act on the mutes committed, not on those it saw first.
    for (const [title, lift] of [
      [
        'the batch unmute',
        (deps: Deps, app: App, roomId: string, u: UserId) => new UnmuteMembers(deps).execute(app, roomId, [u]),
      ],
      [
        'a mute of duration 0',
        (deps: Deps, app: App, roomId: string, u: UserId) => new MuteMembers(deps).execute(app, roomId, [u], 0),
      ],
    ] as const) {
      it(`${title} that waits while the user is muted lifts that mute`, async () => {
        const h = store().main;
        const app = await seedApp(h);
        const [owner, bob] = await seedUsers(h, app, 2);
        const room = await seedRoom(h, app, owner!, [bob!]);
        const deps = { uow: h.uow, clock: { now: () => Date.now() } };
        const outcome = await whileHeld(
          h,
          { appId: app.id, id: room.id },
          (r) => r.mutes.upsert(app.id, room.id, [{ username: bob!, expiresAt: -1 }]),
          () => lift(deps, app, room.id, bob!),
        );
        expect(outcome).toBe('ok');
        expect(await h.uow.read((r) => r.mutes.listActive(app.id, room.id, Date.now()))).toEqual([]);
      });
    }

    it('refuses a room that does not exist, storing nothing', async () => {
      const h = store().main;
      const app = await seedApp(h);
      const [someone] = await seedUsers(h, app, 1);
      const unmuted = new UnmuteMembers({ uow: h.uow }).execute(app, 'nosuchroom', [someone!]);
      await expect(unmuted).rejects.toMatchObject({ message: 'grpID nosuchroom does not exist!' });
      expect(await h.uow.read((r) => r.eventLog.roomPage(app.id, 'nosuchroom', 10))).toEqual([]);
    });
  });
}
