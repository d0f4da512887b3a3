import { roomEvents, type UserId } from '@chatroom/domain';
import { Kysely, sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { PostgresDeliveryQueue } from './postgres-delivery-queue.js';
import { openPostgresAdapter } from './open-postgres-adapter.js';
import { createPgDialect } from './pg-dialect.js';
import type { Database } from './schema/database.js';
import { appWithRule } from './test-support/app-with-rule.js';
import { createTestDatabase } from './testing/create-test-database.js';

const database = await createTestDatabase();
afterAll(() => database?.drop());

/**
 * The queue's statements commit without waiting for their WAL flush (set_config local to the
 * statement). What must never happen is that the setting outlives them on the pooled session:
 * the next request's unit of work on that connection would then commit asynchronously too.
 */
describe.skipIf(!database)('postgres: the delivery queue commits asynchronously, and only itself', () => {
  it('after a claim and a settle, the same session commits synchronously again', async () => {
    const adapter = await openPostgresAdapter({ databaseUrl: database!.url });
    // One connection: whatever the queue's statements leave on their session, the next query sees.
    const db = new Kysely<Database>({ dialect: createPgDialect(database!.url, { poolSize: 1 }).dialect });
    try {
      const app = await appWithRule(adapter);
      await adapter.uow.write(async (r) => r.events.append(...roomEvents.joined(app, 'r1', ['u1' as UserId], 2)));
      const queue = new PostgresDeliveryQueue(db);
      const claimed = await queue.claim(10, 60_000);
      expect(claimed).toHaveLength(1);
      await queue.settle(claimed, []);
      const { rows } = await sql<{ setting: string }>`SELECT current_setting('synchronous_commit') AS setting`.execute(
        db,
      );
      expect(rows[0]!.setting).toBe('on');
      expect(await queue.claim(10, 60_000)).toEqual([]); // settled: gone from the queue
    } finally {
      await db.destroy();
      await adapter.close();
    }
  });
});
