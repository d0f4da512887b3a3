import { describe, expect, it } from 'vitest';
import type { App } from '../model/app.js';
import { roomEvents } from '../model/room-event.js';
import type { UserId } from '../model/user-id.js';
import type { Delivery, EventRule } from '../ports/event-delivery.js';
import { itRaces, useStore, type DeliveryPorts, type StoreFactory, type StoreHandle } from './store-factory.js';
import { randomUuid, seedApp, sleep, writeThenFail } from './store-fixtures.js';

const LONG_LEASE_MS = 60_000;

function delivery(h: StoreHandle): DeliveryPorts {
  if (!h.delivery)
    throw new Error(
      'the handle has no `delivery` ports: give it one, or declare noDeliveryQueue: "why" in the factory',
    );
  return h.delivery;
}

async function appWithRule(
  h: StoreHandle,
  operations: EventRule['operations'] = null,
): Promise<{ app: App; rule: EventRule }> {
  const app = await seedApp(h);
  return { app, rule: await addRule(h, app, operations) };
}

async function addRule(
  h: StoreHandle,
  app: App,
  operations: EventRule['operations'] = null,
  created = Date.now(),
): Promise<EventRule> {
  const rule: EventRule = {
    id: randomUuid(),
    appId: app.id,
    kind: 'webhook',
    target: 'http://127.0.0.1:9/',
    secret: 's',
    operations,
    created,
  };
  await delivery(h).rules.add(rule);
  return rule;
}

/** Commits one JOIN event per user, each in a unit of its own, in order (the room growing from the owner alone). */
async function joins(h: StoreHandle, app: App, roomId: string, users: string[]): Promise<void> {
  for (const [i, u] of users.entries()) {
    await h.uow.write(async (r) => r.events.append(...roomEvents.joined(app, roomId, [u as UserId], i + 2)));
  }
}

/** `room:user` of each delivery, in the order handed out. */
const who = (ds: readonly Delivery[]) =>
  ds.map((d) => `${d.event.roomId}:${(d.event.payload!['member'] as string[])[0]}`);

/**
 * Claims everything due (the store is shared by the block's tests: others' deliveries are
 * leased too, and left out), keeping this app's.
 */
async function drain(h: StoreHandle, app: App, leaseMs = LONG_LEASE_MS): Promise<Delivery[]> {
  return (await delivery(h).queue.claim(1000, leaseMs)).filter((d) => d.rule.appId === app.id);
}

/**
 * `DeliveryQueue` and `EventRuleStore`: every committed event is queued for every matching
 * rule; a claim hands out only the oldest pending delivery of each rule × room (per-room
 * order; a failing one holds back its room only), each to one claimant at a time, leased;
 * dead deliveries come back by replay.
 */
export function describeDeliveryQueueContract(name: string, factory: StoreFactory): void {
  if (factory.noDeliveryQueue !== undefined) {
    describe(`${name}: DeliveryQueue contract`, () => {
      it.skip(`not run: ${factory.noDeliveryQueue}`, () => {});
    });
    return;
  }
  describe(`${name}: DeliveryQueue contract`, () => {
    const store = useStore(factory);

    it('hands out the oldest pending delivery of each room, with its rule, event and attempts; the next once it is delivered', async () => {
      const h = store().main;
      const { app, rule } = await appWithRule(h);
      await joins(h, app, 'r1', ['u1', 'u2']);
      await joins(h, app, 'r2', ['v1']);
      const first = await drain(h, app);
      expect(who(first)).toEqual(['r1:u1', 'r2:v1']);
      expect(first[0]).toMatchObject({
        attempts: 0,
        rule: {
          id: rule.id,
          appId: app.id,
          kind: 'webhook',
          target: rule.target,
          secret: 's',
          operations: null,
          created: rule.created,
        },
        event: {
          appId: app.id,
          org: app.org,
          app: app.name,
          roomId: 'r1',
          operation: 'JOIN',
          payload: { member: ['u1'] },
          memberCount: 2,
        },
      });
      expect(await drain(h, app)).toEqual([]); // both leased, and u2 waits behind u1
      await delivery(h).queue.settle([first[0]!], []);
      expect(who(await drain(h, app))).toEqual(['r1:u2']);
    });

    it("per-room order: a room's events come out one at a time, in commit order", async () => {
      const h = store().main;
      const { app } = await appWithRule(h);
      const users = ['a', 'b', 'c', 'd', 'e'];
      await joins(h, app, 'r1', users);
      const order: string[] = [];
      for (let round = 0; round < users.length + 1; round++) {
        const got = await drain(h, app);
        expect(got.length).toBeLessThanOrEqual(1);
        order.push(...who(got));
        await delivery(h).queue.settle(got, []);
      }
      expect(order).toEqual(users.map((u) => `r1:${u}`));
    });

    it('a failing head holds back the later events of its room only, until it is due again', async () => {
      const h = store().main;
      const { app } = await appWithRule(h);
      await joins(h, app, 'r1', ['u1', 'u2']);
      await joins(h, app, 'r2', ['v1', 'v2']);
      const [r1, r2] = await drain(h, app);
      await delivery(h).queue.settle([r2!], [{ delivery: r1!, error: 'HTTP 500', retryAt: Date.now() + 60_000 }]);
      expect(who(await drain(h, app))).toEqual(['r2:v2']);
      expect(await drain(h, app)).toEqual([]);
      await delivery(h).queue.settle([], [{ delivery: r1!, error: 'HTTP 500', retryAt: Date.now() - 1000 }]);
      const again = await drain(h, app);
      expect(who(again)).toEqual(['r1:u1']);
      expect(again[0]!.attempts).toBe(2);
    });

    it('a dead delivery stops holding its room back, and replay queues it (and the delivered one) again', async () => {
      const h = store().main;
      const { app, rule } = await appWithRule(h);
      const since = Date.now() - 1000;
      await joins(h, app, 'r1', ['u1', 'u2']);
      const [head] = await drain(h, app);
      await delivery(h).queue.settle([], [{ delivery: head!, error: 'gave up', retryAt: null }]);
      const [next] = await drain(h, app);
      expect(who([next!])).toEqual(['r1:u2']);
      await delivery(h).queue.settle([next!], []);
      expect(await drain(h, app)).toEqual([]);
      expect(await delivery(h).rules.replay(app.id, since, rule.id)).toBe(2);
      const revived = await drain(h, app);
      expect(who(revived)).toEqual(['r1:u1']);
      await delivery(h).queue.settle(revived, []);
      expect(who(await drain(h, app))).toEqual(['r1:u2']);
      expect(await delivery(h).rules.replay(app.id, Date.now() + 60_000)).toBe(0);
    });

    it('a lease expires: a claimed delivery never settled is handed out again after leaseMs, not before', async () => {
      const h = store().main;
      const { app } = await appWithRule(h);
      await joins(h, app, 'r1', ['u1']);
      const [first] = await drain(h, app, 400);
      expect(who([first!])).toEqual(['r1:u1']);
      expect(await drain(h, app)).toEqual([]);
      await sleep(700);
      const again = await drain(h, app);
      expect(who(again)).toEqual(['r1:u1']);
      expect(again[0]!.attempts).toBe(0);
      expect(again[0]!.event.id).toBe(first!.event.id);
    });

    it('queues each event for every matching rule, only the operations a rule asks for, nothing for an app without rules', async () => {
      const h = store().main;
      const { app, rule: leaves } = await appWithRule(h, ['LEAVE']);
      const all = await addRule(h, app);
      await joins(h, app, 'r1', ['u1']);
      await h.uow.write(async (r) => r.events.append(...roomEvents.left(app, 'r1', ['u1' as UserId], 'KICK', 1)));
      const got = await drain(h, app);
      // The claim brings the stored member count with the event.
      expect(got.filter((d) => d.rule.id === leaves.id).map((d) => [d.event.operation, d.event.memberCount])).toEqual([
        ['LEAVE', 1],
      ]);
      expect(got.filter((d) => d.rule.id === all.id).map((d) => d.event.operation)).toEqual(['JOIN']); // LEAVE waits behind it
      const bare = await seedApp(h);
      await joins(h, bare, 'r1', ['u1']);
      expect(await drain(h, bare)).toEqual([]);
    });

    it('a unit that rolls back queues nothing', async () => {
      const h = store().main;
      const { app } = await appWithRule(h);
      await writeThenFail(h, async (r) => r.events.append(...roomEvents.joined(app, 'r1', ['u1' as UserId], 2)));
      expect(await drain(h, app)).toEqual([]);
    });

    it("lists an app's rules in creation order; removing a rule drops its queued deliveries", async () => {
      const h = store().main;
      const app = await seedApp(h);
      const other = await seedApp(h);
      const t = Date.now();
      const second = await addRule(h, app, ['JOIN', 'LEAVE'], t + 1);
      const first = await addRule(h, app, null, t);
      const elsewhere = await addRule(h, other, null, t);
      expect(await delivery(h).rules.list(app.id)).toEqual([first, second]);
      expect((await delivery(h).rules.list()).map((r) => r.id)).toEqual(
        expect.arrayContaining([first.id, second.id, elsewhere.id]),
      );
      await joins(h, app, 'r1', ['u1']);
      expect(await delivery(h).rules.remove(second.id)).toBe(true);
      expect(await delivery(h).rules.remove(second.id)).toBe(false);
      expect((await drain(h, app)).map((d) => d.rule.id)).toEqual([first.id]);
      expect(await delivery(h).rules.replay(app.id, t - 1000, second.id)).toBe(0);
    });

    it("replaces a rule's secret only while it is still the one expected; claims carry the new one", async () => {
      const h = store().main;
      const { app, rule } = await appWithRule(h);
      expect(await delivery(h).rules.replaceSecret(rule.id, rule.secret, 'replaced-secret')).toBe(true);
      expect(await delivery(h).rules.replaceSecret(rule.id, rule.secret, 'lost-race')).toBe(false);
      expect(await delivery(h).rules.replaceSecret(rule.id, 'REPLACED-SECRET', 'wrong-case')).toBe(false);
      expect(
        await delivery(h).rules.replaceSecret('00000000-0000-4000-8000-000000000000', 'replaced-secret', 'x'),
      ).toBe(false);
      expect((await delivery(h).rules.list(app.id)).map((r) => r.secret)).toEqual(['replaced-secret']);
      await joins(h, app, 'r1', ['u1']);
      expect((await drain(h, app)).map((d) => d.rule.secret)).toEqual(['replaced-secret']);
    });

    it('prunes the oldest events in batches, their deliveries with them', async () => {
      const h = store().main;
      const { app } = await appWithRule(h);
      await joins(h, app, 'old', ['u1', 'u2', 'u3']);
      let pruned = 0;
      for (let n; (n = await delivery(h).rules.prune(Date.now() + 1000, 2)) > 0; ) {
        expect(n).toBeLessThanOrEqual(2);
        pruned += n;
      }
      expect(pruned).toBeGreaterThanOrEqual(3);
      expect(await h.uow.read((r) => r.eventLog.roomPage(app.id, 'old', 10))).toEqual([]);
      expect(await drain(h, app)).toEqual([]);
    });

    itRaces(
      factory,
      store,
      'claimants at once never get the same delivery, and together get them all',
      async (via, main) => {
        const { app } = await appWithRule(main);
        const rooms = Array.from({ length: 60 }, (_, i) => `room${i}`);
        await main.uow.write(async (r) => {
          for (const room of rooms) r.events.append(...roomEvents.joined(app, room, ['u' as UserId], 2));
        });
        const seen: string[] = [];
        for (let round = 0; round < 10; round++) {
          const claims = await Promise.all([0, 1, 2, 3].map((i) => delivery(via(i)).queue.claim(5, LONG_LEASE_MS)));
          for (const d of claims.flat()) if (d.rule.appId === app.id) seen.push(d.event.roomId);
        }
        expect(seen).toHaveLength(60);
        expect(new Set(seen).size).toBe(60);
      },
    );

    itRaces(
      factory,
      store,
      'claimants at once hand out at most the head of each room: every room in commit order, each event once',
      async (via, main) => {
        const { app } = await appWithRule(main);
        const rooms = ['p', 'q', 'r', 's'];
        for (let n = 0; n < 5; n++) {
          await main.uow.write(async (r) => {
            for (const room of rooms) r.events.append(...roomEvents.joined(app, room, [`u${n}` as UserId], n + 2));
          });
        }
        const got: string[] = [];
        for (let round = 0; round < 6; round++) {
          const claims = (
            await Promise.all([0, 1, 2, 3].map((i) => delivery(via(i)).queue.claim(3, LONG_LEASE_MS)))
          ).flat();
          const ours = claims.filter((d) => d.rule.appId === app.id);
          // While a room's head is out, nobody gets the event behind it.
          expect(new Set(ours.map((d) => d.event.roomId)).size).toBe(ours.length);
          got.push(...who(ours));
          await delivery(main).queue.settle(ours, []);
        }
        for (const room of rooms)
          expect(got.filter((w) => w.startsWith(`${room}:`))).toEqual([0, 1, 2, 3, 4].map((n) => `${room}:u${n}`));
      },
    );
  });
}
