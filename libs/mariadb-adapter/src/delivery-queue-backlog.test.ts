import { roomEvents, type UserId } from '@chatroom/domain';
import { checkRowsHeldBehindFailingHead } from '@chatroom/domain/testing';
import { randomUUID } from 'node:crypto';
import { createConnection } from 'mysql2/promise';
import { afterAll, describe, it } from 'vitest';
import { mysqlUrl } from './mariadb-dialect.js';
import { openMariadbAdapter } from './open-mariadb-adapter.js';
import { seedApp } from '@chatroom/sql-store-kit/testing';
import { createTestMariadbDatabase } from './testing/create-test-database.js';

const database = await createTestMariadbDatabase();
afterAll(() => database?.drop());

// The PostgreSQL adapter's delivery-queue-backlog.test.ts, on MariaDB's claim.
describe.skipIf(!database)('mariadb: the delivery queue behind a failing head', () => {
  it('moves the rows behind it to its retry time once, and sends them in order after it', async () => {
    const adapter = await openMariadbAdapter({ databaseUrl: database!.url, poolSize: 2 });
    const raw = await createConnection({ uri: mysqlUrl(database!.url) });
    try {
      const app = await seedApp(adapter.uow);
      await adapter.eventRules.add({
        id: randomUUID(),
        appId: app.id,
        kind: 'webhook',
        target: 'http://127.0.0.1:9/',
        secret: 's',
        operations: null,
        created: Date.now(),
      });
      await checkRowsHeldBehindFailingHead({
        queue: adapter.deliveries,
        join: (room, user) =>
          adapter.uow.write(async (r) => r.events.append(...roomEvents.joined(app, room, [user as UserId], 2))),
        nextAt: async () => {
          const [rows] = await raw.query(
            `SELECT JSON_VALUE(e.payload, '$.member[0]') AS member, d.next_at
             FROM event_deliveries d JOIN room_events e ON e.seq = d.event_seq ORDER BY d.event_seq`,
          );
          return (rows as { member: string; next_at: string | number }[]).map((row) => [
            row.member,
            Number(row.next_at),
          ]);
        },
      });
    } finally {
      await raw.end();
      await adapter.close();
    }
  });
});
