import { DEFAULT_APP_SETTINGS, roomEvents, type App, type Delivery, type EventRule, type UserId } from '@chatroom/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import type { PostgresAdapter } from './open-postgres-adapter.js';
import { adaptersUnderTest } from './test-support/adapters-under-test.js';

const dialects = await adaptersUnderTest();
afterAll(() => Promise.all(dialects.map((d) => d.cleanup())));

function makeApp(): App {
  const s = randomUUID().slice(0, 8);
  return {
    id: randomUUID(),
    org: `o${s}`,
    name: `a${s}`,
    clientId: `c${s}`,
    clientSecretHash: 'x',
    tokenKey: 'k'.repeat(40),
    keyGeneration: 1,
    settings: { ...DEFAULT_APP_SETTINGS, roomQuota: 10, joinedRoomCap: 10, maxUsersCeiling: 10 },
    created: Date.now(),
  };
}

for (const dialect of dialects) {
  describe.skipIf(!dialect.available)(`${dialect.name}: the delivery queue`, () => {
    let a: PostgresAdapter;
    let second: PostgresAdapter | undefined;
    beforeAll(async () => {
      a = await dialect.open();
      second = dialect.openSecond ? await dialect.openSecond() : undefined;
    });
    afterAll(async () => {
      await second?.close();
      await a?.close();
    });

    async function appWithRule(operations: EventRule['operations'] = null): Promise<{ app: App; rule: EventRule }> {
      const app = makeApp();
      await a.uow.write((r) => r.apps.upsert(app));
      const rule: EventRule = { id: randomUUID(), appId: app.id, kind: 'webhook', target: 'http://127.0.0.1:9/', secret: 's', operations, created: Date.now() };
      await a.eventRules.add(rule);
      return { app, rule };
    }

    /** Commits one JOIN event per user, in order, for the room. */
    async function joins(app: App, roomId: string, users: string[]): Promise<void> {
      for (const [i, u] of users.entries()) {
        await a.uow.write(async (r) => r.events.append(...roomEvents.joined(app, roomId, [u as UserId], i + 2)));
      }
    }

    const who = (ds: Delivery[]) => ds.map((d) => `${d.event.roomId}:${(d.event.payload!['member'] as string[])[0]}`);

    async function drain(app: App): Promise<Delivery[]> {
      const all = await a.deliveries.claim(1000, 60_000);
      return all.filter((d) => d.rule.appId === app.id);
    }

    it('hands out only the oldest undelivered event of each room, with its rule and event; the next after success', async () => {
      const { app, rule } = await appWithRule();
      await joins(app, 'r1', ['u1', 'u2']);
      await joins(app, 'r2', ['v1']);
      const first = await drain(app);
      expect(who(first)).toEqual(['r1:u1', 'r2:v1']);
      expect(first[0]).toMatchObject({ attempts: 0, rule: { id: rule.id, secret: 's', kind: 'webhook' }, event: { org: app.org, operation: 'JOIN' } });
      expect(await drain(app)).toEqual([]); // leased, and u2 waits behind u1
      await a.deliveries.settle([first[0]!], []);
      expect(who(await drain(app))).toEqual(['r1:u2']);
    });

    it('a failing event holds back the later ones of its room only, until it is due again', async () => {
      const { app } = await appWithRule();
      await joins(app, 'r1', ['u1', 'u2']);
      await joins(app, 'r2', ['v1', 'v2']);
      const [r1, r2] = await drain(app);
      await a.deliveries.settle([], [{ delivery: r1!, error: 'HTTP 500', retryAt: Date.now() + 60_000 }]);
      await a.deliveries.settle([r2!], []);
      expect(who(await drain(app))).toEqual(['r2:v2']);
      await a.deliveries.settle([], [{ delivery: r1!, error: 'HTTP 500', retryAt: Date.now() - 1 }]);
      const again = await drain(app);
      expect(who(again)).toEqual(['r1:u1']);
      expect(again[0]!.attempts).toBe(2);
    });

    it('a dead event stops holding its room back, and replay sends it again', async () => {
      const { app, rule } = await appWithRule();
      const t0 = Date.now() - 1000;
      await joins(app, 'r1', ['u1', 'u2']);
      const [head] = await drain(app);
      await a.deliveries.settle([], [{ delivery: head!, error: 'gave up', retryAt: null }]);
      const [next] = await drain(app);
      expect(who([next!])).toEqual(['r1:u2']);
      await a.deliveries.settle([next!], []);
      expect(await drain(app)).toEqual([]);
      expect(await a.eventRules.replay(app.id, t0, rule.id)).toBe(2);
      expect(who(await drain(app))).toEqual(['r1:u1']);
    });

    it('queues only the operations a rule asks for, and nothing for an app without rules', async () => {
      const { app } = await appWithRule(['LEAVE']);
      await joins(app, 'r1', ['u1']);
      await a.uow.write(async (r) => r.events.append(...roomEvents.left(app, 'r1', ['u1' as UserId], 'KICK', 1)));
      // The claim brings the stored count with the event.
      expect((await drain(app)).map((d) => [d.event.operation, d.event.memberCount])).toEqual([['LEAVE', 1]]);
      const bare = makeApp();
      await a.uow.write((r) => r.apps.upsert(bare));
      await joins(bare, 'r1', ['u1']);
      expect(await drain(bare)).toEqual([]);
    });

    it('a unit that rolls back queues nothing', async () => {
      const { app } = await appWithRule();
      await expect(
        a.uow.write(async (r) => {
          r.events.append(...roomEvents.joined(app, 'r1', ['u1' as UserId], 2));
          throw new Error('no');
        }),
      ).rejects.toThrow('no');
      expect(await drain(app)).toEqual([]);
    });

    it('prunes old events in batches, their deliveries with them', async () => {
      const { app } = await appWithRule();
      await joins(app, 'old', ['u1', 'u2', 'u3']);
      let pruned = 0;
      for (let n; (n = await a.eventRules.prune(Date.now() + 1000, 2)) > 0; ) pruned += n;
      expect(pruned).toBeGreaterThanOrEqual(3);
      expect(await a.uow.read((r) => r.eventLog.roomPage(app.id, 'old', 10))).toEqual([]);
      expect(await drain(app)).toEqual([]);
    });

    it.skipIf(!dialect.openSecond)('two instances claiming at once never get the same delivery', async () => {
      const { app } = await appWithRule();
      const rooms = Array.from({ length: 60 }, (_, i) => `room${i}`);
      await a.uow.write(async (r) => {
        for (const room of rooms) r.events.append(...roomEvents.joined(app, room, ['u' as UserId], 2));
      });
      const seen: string[] = [];
      for (let round = 0; round < 10; round++) {
        const [x, y] = await Promise.all([a.deliveries.claim(7, 60_000), second!.deliveries.claim(7, 60_000)]);
        for (const d of [...x, ...y]) if (d.rule.appId === app.id) seen.push(d.event.roomId);
      }
      expect(seen).toHaveLength(60);
      expect(new Set(seen).size).toBe(60);
    });
  });
}
