import { roomEvents, type UserId } from '@chatroom/domain';
import { checkRowsHeldBehindFailingHead } from '@chatroom/domain/testing';
import pg from 'pg';
import { afterAll, describe, it } from 'vitest';
import { openPostgresAdapter } from './open-postgres-adapter.js';
import { appWithRule } from './test-support/app-with-rule.js';
import { createTestDatabase } from './testing/create-test-database.js';

const database = await createTestDatabase();
afterAll(() => database?.drop());

describe.skipIf(!database)('postgres: the delivery queue behind a failing head', () => {
  it('moves the rows behind it to its retry time once, and sends them in order after it', async () => {
    const adapter = await openPostgresAdapter({ databaseUrl: database!.url });
    const raw = new pg.Client({ connectionString: database!.url });
    await raw.connect();
    try {
      const app = await appWithRule(adapter);
      await checkRowsHeldBehindFailingHead({
        queue: adapter.deliveries,
        join: (room, user) =>
          adapter.uow.write(async (r) => r.events.append(...roomEvents.joined(app, room, [user as UserId], 2))),
        nextAt: async () =>
          (
            await raw.query<{ member: string; next_at: string }>(
              `SELECT e.payload->'member'->>0 AS member, d.next_at FROM event_deliveries d JOIN room_events e ON e.seq = d.event_seq ORDER BY d.event_seq`,
            )
          ).rows.map((row) => [row.member, Number(row.next_at)]),
      });
    } finally {
      await raw.end();
      await adapter.close();
    }
  });
});
