import { roomEvents, type App, type EventRule, type UserId } from '@chatroom/domain';
import { randomUUID } from 'node:crypto';
import { createConnection } from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mysqlUrl } from './mariadb-dialect.js';
import { openMariadbAdapter, type MariadbAdapter } from './open-mariadb-adapter.js';
import { createTestMariadbDatabase } from './testing/create-test-database.js';
import { seedApp } from '@chatroom/sql-store-kit/testing';

// What the store-independent contract (describeDeliveryQueueContract) cannot see: the InnoDB
// locking the claim relies on, and the outbox finding exactly its own rows among others'.
const database = await createTestMariadbDatabase();

describe.skipIf(!database)('mariadb: the delivery queue and outbox under InnoDB locking', () => {
  let a: MariadbAdapter;
  let b: MariadbAdapter;
  beforeAll(async () => {
    a = await openMariadbAdapter({ databaseUrl: database!.url, poolSize: 6 });
    b = await openMariadbAdapter({ databaseUrl: database!.url, poolSize: 6 });
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await database?.drop();
  });

  async function appWithRule(): Promise<{ app: App; rule: EventRule }> {
    const app = await seedApp(a.uow);
    const rule: EventRule = {
      id: randomUUID(),
      appId: app.id,
      kind: 'webhook',
      target: 'http://127.0.0.1:9/',
      secret: 's',
      operations: null,
      created: Date.now(),
    };
    await a.eventRules.add(rule);
    return { app, rule };
  }

  it("a head locked by another transaction is skipped and still holds back its room's next event", async () => {
    const { app, rule } = await appWithRule();
    for (const [room, user] of [
      ['r1', 'u1'],
      ['r1', 'u2'],
      ['r2', 'v1'],
    ] as const) {
      await a.uow.write(async (r) => r.events.append(...roomEvents.joined(app, room, [user as UserId], 2)));
    }
    const holder = await createConnection({ uri: mysqlUrl(database!.url) });
    try {
      await holder.query('BEGIN');
      // Another claimant in the middle of its claim: it holds r1's head, not yet leased.
      await holder.query(
        `SELECT d.event_seq FROM event_deliveries d JOIN room_events e ON e.seq = d.event_seq
         WHERE d.rule_id = ? AND e.room_id = 'r1' ORDER BY d.event_seq LIMIT 1 FOR UPDATE`,
        [rule.id],
      );
      const got = (await b.deliveries.claim(100, 60_000)).filter((d) => d.rule.appId === app.id);
      expect(got.map((d) => `${d.event.roomId}:${(d.event.payload!['member'] as string[])[0]}`)).toEqual(['r2:v1']);
    } finally {
      await holder.query('ROLLBACK');
      await holder.end();
    }
    const [head] = (await a.deliveries.claim(100, 60_000)).filter((d) => d.rule.appId === app.id);
    expect(head?.event.payload).toMatchObject({ member: ['u1'] });
  });

  it('units committing at once on two pools each queue exactly their own events, once per rule', async () => {
    const { app } = await appWithRule();
    await a.eventRules.add({
      id: randomUUID(),
      appId: app.id,
      kind: 'nats',
      target: 'nats://127.0.0.1:4222',
      secret: 's',
      operations: ['JOIN'],
      created: Date.now(),
    });
    const other = await seedApp(a.uow); // no rule: its events, interleaved with ours, queue nothing
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        (i % 2 === 0 ? a : b).uow.write(async (r) => {
          r.events.append(
            ...roomEvents.joined(app, `room${i}`, [`u${i}` as UserId], 2),
            ...roomEvents.joined(other, `room${i}`, ['x' as UserId], 2),
          );
          r.events.append(...roomEvents.left(app, `room${i}`, [`u${i}` as UserId], 'KICK', 1));
        }),
      ),
    );
    const c = await createConnection({ uri: mysqlUrl(database!.url) });
    try {
      const [rows] = await c.query(
        `SELECT e.app_id = ? AS ours, e.operation, COUNT(d.rule_id) AS deliveries, COUNT(DISTINCT e.seq) AS events
         FROM room_events e LEFT JOIN event_deliveries d ON d.event_seq = e.seq
         WHERE e.app_id IN (?, ?) GROUP BY ours, e.operation ORDER BY ours, e.operation`,
        [app.id, app.id, other.id],
      );
      expect(rows).toEqual([
        { ours: 0, operation: 'JOIN', deliveries: 0, events: 40 },
        { ours: 1, operation: 'JOIN', deliveries: 80, events: 40 },
        { ours: 1, operation: 'LEAVE', deliveries: 40, events: 40 },
      ]);
    } finally {
      await c.end();
    }
  });

  it('settle records both outcomes in one round trip, and a failing settle leaves nothing half done', async () => {
    const { app } = await appWithRule();
    for (const user of ['u1', 'u2'])
      await a.uow.write(async (r) => r.events.append(...roomEvents.joined(app, user, [user as UserId], 2)));
    const [one, two] = (await a.deliveries.claim(100, 60_000)).filter((d) => d.rule.appId === app.id);
    const statements: number[] = [];
    const counted = await openMariadbAdapter({
      databaseUrl: database!.url,
      poolSize: 1,
      onQuery: () => statements.push(1),
    });
    const queued = async () => {
      const c = await createConnection({ uri: mysqlUrl(database!.url) });
      const [rows] = await c.query('SELECT COUNT(*) AS n FROM event_deliveries WHERE rule_id IN (?, ?)', [
        one!.rule.id,
        two!.rule.id,
      ]);
      await c.end();
      return Number((rows as { n: number }[])[0]!.n);
    };
    try {
      // A retry time that does not fit BIGINT fails the UPDATE after the DELETE ran.
      await expect(counted.deliveries.settle([one!], [{ delivery: two!, error: 'x', retryAt: 1e30 }])).rejects.toThrow(
        /Out of range/,
      );
      expect(await queued()).toBe(2);
      const before = statements.length;
      await counted.deliveries.settle([one!], [{ delivery: two!, error: 'HTTP 503', retryAt: Date.now() - 1 }]);
      expect(statements.length - before).toBe(1);
      expect(await queued()).toBe(1);
    } finally {
      await counted.close();
    }
    const again = (await a.deliveries.claim(100, 60_000)).filter((d) => d.rule.appId === app.id);
    expect(again.map((d) => [d.event.roomId, d.attempts])).toEqual([['u2', 1]]);
  });
});
