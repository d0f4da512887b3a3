import { describe, expect, it } from 'vitest';
import type { UserId } from '../model/user-id.js';
import { itRaces, useStore, type StoreFactory } from './store-factory.js';
import {
  inParallel,
  seedApp,
  seedRoom,
  seedRoomWithMembers,
  seedUsers,
  sorted,
  T0,
  uniqueSuffix,
  writeThenFail,
} from './store-fixtures.js';

const HOUR = 3_600_000;

/** `MuteRepository`: per-room mutes with their end time; expired ones are left out when listed. */
export function describeMuteRepositoryContract(name: string, factory: StoreFactory): void {
  describe(`${name}: MuteRepository contract`, () => {
    const store = useStore(factory);

    async function roomWithMembers(count: number) {
      const seeded = await seedRoomWithMembers(store().main, count);
      const { h, app, room } = seeded;
      const active = (now = T0) => h.uow.read((r) => r.mutes.listActive(app.id, room.id, now));
      return { ...seeded, active };
    }

    it('listActive gives the mutes in force in the order they were set, with their end times', async () => {
      const { h, app, users, room, active } = await roomWithMembers(3);
      const [a, b, c] = users;
      await h.uow.write((r) =>
        r.mutes.upsert(app.id, room.id, [
          { username: c!, expiresAt: T0 + HOUR },
          { username: a!, expiresAt: -1 },
        ]),
      );
      await h.uow.write((r) => r.mutes.upsert(app.id, room.id, [{ username: b!, expiresAt: T0 + 2 * HOUR }]));
      expect(await active()).toEqual([
        { username: c, expiresAt: T0 + HOUR },
        { username: a, expiresAt: -1 },
        { username: b, expiresAt: T0 + 2 * HOUR },
      ]);
    });

    it('a mute is in force until its end time: listed just before it, gone at it', async () => {
      const { h, app, users, room, active } = await roomWithMembers(1);
      await h.uow.write((r) => r.mutes.upsert(app.id, room.id, [{ username: users[0]!, expiresAt: T0 + 1000 }]));
      expect(await active(T0 + 999)).toHaveLength(1);
      expect(await active(T0 + 1000)).toEqual([]);
      expect(await active(T0 + 5000)).toEqual([]);
    });

    it('a permanent mute (-1) is in force at any time', async () => {
      const { h, app, users, room, active } = await roomWithMembers(1);
      await h.uow.write((r) => r.mutes.upsert(app.id, room.id, [{ username: users[0]!, expiresAt: -1 }]));
      expect(await active(Number.MAX_SAFE_INTEGER)).toEqual([{ username: users[0], expiresAt: -1 }]);
    });

    it('end times far past 32 bits come back to the millisecond', async () => {
      const { h, app, users, room, active } = await roomWithMembers(1);
      const far = Date.UTC(2200, 0, 1) + 123;
      await h.uow.write((r) => r.mutes.upsert(app.id, room.id, [{ username: users[0]!, expiresAt: far }]));
      expect(await active()).toEqual([{ username: users[0], expiresAt: far }]);
    });

    it('muting again replaces the earlier mute, which then counts as set last', async () => {
      const { h, app, users, room, active } = await roomWithMembers(2);
      const [a, b] = users;
      await h.uow.write((r) =>
        r.mutes.upsert(app.id, room.id, [
          { username: a!, expiresAt: -1 },
          { username: b!, expiresAt: -1 },
        ]),
      );
      await h.uow.write((r) => r.mutes.upsert(app.id, room.id, [{ username: a!, expiresAt: T0 + HOUR }]));
      expect(await active()).toEqual([
        { username: b, expiresAt: -1 },
        { username: a, expiresAt: T0 + HOUR },
      ]);
      // A permanent mute may also be replaced by one that has already ended.
      await h.uow.write((r) => r.mutes.upsert(app.id, room.id, [{ username: b!, expiresAt: T0 - 1 }]));
      expect(await active()).toEqual([{ username: a, expiresAt: T0 + HOUR }]);
    });

    it('remove lifts mutes and returns the users that had one, ended ones included', async () => {
      const { h, app, users, room, active } = await roomWithMembers(4);
      const [a, b, c, d] = users;
      await h.uow.write((r) =>
        r.mutes.upsert(app.id, room.id, [
          { username: a!, expiresAt: -1 },
          { username: b!, expiresAt: T0 - HOUR },
          { username: c!, expiresAt: T0 + HOUR },
        ]),
      );
      const removed = await h.uow.write((r) => r.mutes.remove(app.id, room.id, [b!, d!, a!, a!]));
      expect(sorted(removed)).toEqual(sorted([a!, b!]));
      expect(await active()).toEqual([{ username: c, expiresAt: T0 + HOUR }]);
      expect(await h.uow.write((r) => r.mutes.remove(app.id, room.id, [a!, b!]))).toEqual([]);
      expect(await h.uow.write((r) => r.mutes.remove(app.id, room.id, []))).toEqual([]);
    });

    it('nothing is muted in a new room, an unknown room, or after muting nobody', async () => {
      const { h, app, room, active } = await roomWithMembers(1);
      await h.uow.write((r) => r.mutes.upsert(app.id, room.id, []));
      expect(await active()).toEqual([]);
      expect(await h.uow.read((r) => r.mutes.listActive(app.id, 'nosuchroom', T0))).toEqual([]);
    });

    it('mutes belong to one room of one app', async () => {
      const h = store().main;
      const [app, other] = [await seedApp(h), await seedApp(h)];
      const [owner, user] = await seedUsers(h, app, 2);
      const [otherOwner, sameName] = await seedUsers(h, other, 2);
      const id = `mutes${uniqueSuffix()}`;
      await seedRoom(h, app, owner!, [user!], { id });
      const neighbour = await seedRoom(h, app, owner!, [user!]);
      await seedRoom(h, other, otherOwner!, [sameName!], { id });
      await h.uow.write((r) => r.mutes.upsert(app.id, id, [{ username: user!, expiresAt: -1 }]));
      await h.uow.read(async (r) => {
        expect(await r.mutes.listActive(app.id, neighbour.id, T0)).toEqual([]);
        expect(await r.mutes.listActive(other.id, id, T0)).toEqual([]);
      });
      expect(await h.uow.write((r) => r.mutes.remove(other.id, id, [sameName!]))).toEqual([]);
      expect(await h.uow.read((r) => r.mutes.listActive(app.id, id, T0))).toHaveLength(1);
    });

    it('a throwing write undoes its mutes and unmutes', async () => {
      const { h, app, users, room, active } = await roomWithMembers(2);
      const [a, b] = users;
      await h.uow.write((r) => r.mutes.upsert(app.id, room.id, [{ username: a!, expiresAt: -1 }]));
      await writeThenFail(h, async (r) => {
        await r.mutes.remove(app.id, room.id, [a!]);
        await r.mutes.upsert(app.id, room.id, [{ username: b!, expiresAt: -1 }]);
      });
      expect(await active()).toEqual([{ username: a, expiresAt: -1 }]);
    });

    itRaces(
      factory,
      store,
      'parallel mutes of one user leave one mute, with one of the end times given',
      async (via, main) => {
        const app = await seedApp(main);
        const [owner, user] = await seedUsers(main, app, 2);
        const room = await seedRoom(main, app, owner!, [user!]);
        const ends = Array.from({ length: 20 }, (_, i) => T0 + (i + 1) * 1000);
        await inParallel(20, (i) =>
          via(i).uow.write((r) => r.mutes.upsert(app.id, room.id, [{ username: user!, expiresAt: ends[i]! }])),
        );
        const mutes = await main.uow.read((r) => r.mutes.listActive(app.id, room.id, T0));
        expect(mutes.map((m) => m.username)).toEqual([user as UserId]);
        expect(ends).toContain(mutes[0]!.expiresAt);
      },
    );
  });
}
