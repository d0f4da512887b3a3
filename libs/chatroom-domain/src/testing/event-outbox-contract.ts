import { describe, expect, it } from 'vitest';
import type { App } from '../model/app.js';
import type { RoomEvent } from '../model/room-event.js';
import { itRaces, useStore, type StoreFactory } from './store-factory.js';
import { inParallel, nowMs, seedApp, writeThenFail } from './store-fixtures.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function event(app: App, roomId: string, n: number): RoomEvent {
  return {
    appId: app.id,
    org: app.org,
    app: app.name,
    roomId,
    operation: 'JOIN',
    operator: '@ppAdmin',
    payload: { member: [`u${n}`], type: 'DIRECT', nested: { n, text: '引号 "and" ✓' } },
    memberCount: 1000 + n,
  };
}

/** `EventOutbox` and `EventLog`: events exist exactly when their unit commits, in order. */
export function describeEventOutboxContract(name: string, factory: StoreFactory): void {
  describe(`${name}: EventOutbox contract`, () => {
    const store = useStore(factory);

    it('stores the events of a committed unit with an id, a seq and the completion time, read back newest first', async () => {
      const h = store().main;
      const app = await seedApp(h);
      const before = nowMs();
      await h.uow.write(async (r) => {
        r.events.append(event(app, 'r1', 1), event(app, 'r1', 2));
        r.events.append(event(app, 'r1', 3));
      });
      const page = await h.uow.read((r) => r.eventLog.roomPage(app.id, 'r1', 10));
      expect(page.map((e) => e.payload?.['member'])).toEqual([['u3'], ['u2'], ['u1']]);
      expect(page[2]).toMatchObject(event(app, 'r1', 1));
      expect(page.map((e) => e.memberCount)).toEqual([1003, 1002, 1001]);
      for (const e of page) {
        expect(e.id).toMatch(UUID);
        expect(e.timestamp).toBeGreaterThanOrEqual(before - 1000);
        expect(e.timestamp).toBeLessThanOrEqual(nowMs() + 1000);
      }
      expect(new Set(page.map((e) => e.id)).size).toBe(3);
      expect(page[0]!.seq).toBeGreaterThan(page[1]!.seq);
      expect(page[1]!.seq).toBeGreaterThan(page[2]!.seq);
    });

    it('keeps an event without payload or count without them, and app-wide events under the room id ""', async () => {
      const h = store().main;
      const app = await seedApp(h);
      const gone: RoomEvent = {
        appId: app.id,
        org: app.org,
        app: app.name,
        roomId: 'r1',
        operation: 'DELETE',
        operator: '@ppAdmin',
      };
      const wide: RoomEvent = {
        ...gone,
        roomId: '',
        operation: 'ROOM_SUPER_ADMIN',
        payload: { admin: ['x'], type: 'ADD' },
      };
      await h.uow.write(async (r) => r.events.append(gone, wide));
      const [stored] = await h.uow.read((r) => r.eventLog.roomPage(app.id, 'r1', 10));
      expect(stored).not.toHaveProperty('payload');
      expect(stored).not.toHaveProperty('memberCount');
      expect((await h.uow.read((r) => r.eventLog.roomPage(app.id, '', 10))).map((e) => e.operation)).toEqual([
        'ROOM_SUPER_ADMIN',
      ]);
    });

    it('stores nothing for a unit that rolls back', async () => {
      const h = store().main;
      const app = await seedApp(h);
      await writeThenFail(h, async (r) => r.events.append(event(app, 'r1', 1)));
      expect(await h.uow.read((r) => r.eventLog.roomPage(app.id, 'r1', 10))).toEqual([]);
    });

    it('pages by keyset: limit, then beforeSeq; other rooms and apps never show', async () => {
      const h = store().main;
      const app = await seedApp(h);
      const other = await seedApp(h);
      await h.uow.write(async (r) => {
        for (let n = 1; n <= 5; n++) r.events.append(event(app, 'r1', n), event(app, 'r2', n), event(other, 'r1', n));
      });
      const first = await h.uow.read((r) => r.eventLog.roomPage(app.id, 'r1', 2));
      expect(first.map((e) => e.payload?.['member'])).toEqual([['u5'], ['u4']]);
      const next = await h.uow.read((r) => r.eventLog.roomPage(app.id, 'r1', 10, first[1]!.seq));
      expect(next.map((e) => e.payload?.['member'])).toEqual([['u3'], ['u2'], ['u1']]);
    });

    itRaces(factory, store, 'concurrent units each store all their events, none twice', async (via, main) => {
      const app = await seedApp(main);
      await inParallel(20, (i) =>
        via(i).uow.write(async (r) => r.events.append(event(app, 'hot', i), event(app, 'hot', 100 + i))),
      );
      const page = await main.uow.read((r) => r.eventLog.roomPage(app.id, 'hot', 100));
      expect(page).toHaveLength(40);
      expect(new Set(page.map((e) => e.id)).size).toBe(40);
      // Each unit's events keep their order of appending (units may interleave: the use cases'
      // room locks, not the outbox, order the units of one room).
      const seqOf = new Map(page.map((e) => [(e.payload!['nested'] as { n: number }).n, e.seq]));
      for (let i = 0; i < 20; i++) expect(seqOf.get(i)!).toBeLessThan(seqOf.get(100 + i)!);
    });
  });
}
