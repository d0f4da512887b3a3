import { roomEvents, type Delivery, type UserId } from '@chatroom/domain';
import { setTimeout as delay } from 'node:timers/promises';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { openPostgresAdapter } from './open-postgres-adapter.js';
import { appWithRule } from './test-support/app-with-rule.js';
import { createTestDatabase } from './testing/create-test-database.js';

const database = await createTestDatabase();
afterAll(() => database?.drop());

/**
 * A failing head holds its room back; the rows behind it are moved to its retry time by the
 * first claim that meets them, so a dead receiver's backlog is not walked by every claim. The
 * order of the room must survive that: they go after the head, as soon as it has gone.
 */
describe.skipIf(!database)('postgres: the delivery queue behind a failing head', () => {
  it('moves the rows behind it to its retry time once, and sends them in order after it', async () => {
    const adapter = await openPostgresAdapter({ databaseUrl: database!.url });
    const raw = new pg.Client({ connectionString: database!.url });
    await raw.connect();
    try {
      const app = await appWithRule(adapter);
      const join = (room: string, user: string) => adapter.uow.write(async (r) => r.events.append(...roomEvents.joined(app, room, [user as UserId], 2)));
      for (const u of ['u1', 'u2', 'u3']) await join('r1', u);
      const who = (ds: Delivery[]) => ds.map((d) => (d.event.payload!['member'] as string[])[0]);
      const nextAt = async () =>
        (await raw.query<{ member: string; next_at: string }>(
          `SELECT e.payload->'member'->>0 AS member, d.next_at FROM event_deliveries d JOIN room_events e ON e.seq = d.event_seq ORDER BY d.event_seq`,
        )).rows.map((row) => [row.member, Number(row.next_at)]);

      const [head] = await adapter.deliveries.claim(10, 60_000);
      expect(who([head!])).toEqual(['u1']);
      const retryAt = Date.now() + 1_500;
      await adapter.deliveries.settle([], [{ delivery: head!, error: 'HTTP 500', retryAt }]);
      await join('r1', 'u4'); // arrives while the head is failing
      expect(await adapter.deliveries.claim(10, 60_000)).toEqual([]);
      expect(await nextAt()).toEqual([['u1', retryAt], ['u2', retryAt], ['u3', retryAt], ['u4', retryAt]]);

      await delay(retryAt - Date.now() + 50);
      const again = await adapter.deliveries.claim(10, 60_000);
      expect(who(again)).toEqual(['u1']); // the head alone: the others still wait behind it
      await adapter.deliveries.settle(again, []);
      for (const expected of ['u2', 'u3', 'u4']) {
        const next = await adapter.deliveries.claim(10, 60_000);
        expect(who(next)).toEqual([expected]);
        await adapter.deliveries.settle(next, []);
      }
      expect(await nextAt()).toEqual([]);
    } finally {
      await raw.end();
      await adapter.close();
    }
  });
});
