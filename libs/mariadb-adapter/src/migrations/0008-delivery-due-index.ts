import { sql, type Kysely, type Migration } from 'kysely';

/**
 * The delivery queue's due rows, oldest first (the PostgreSQL adapter's 0008, without its
 * partial index: MariaDB has none, so the state leads the key and a claim reads the range
 * `state = 'pending' AND next_at <= now` in (next_at, event_seq) order). With it a claim scans a
 * bounded number of due rows, whatever the backlog (MariadbDeliveryQueue.claim).
 */
const statements = [`ALTER TABLE event_deliveries ADD KEY event_deliveries_due_idx (state, next_at, event_seq)`];

export const deliveryDueIndexMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    for (const statement of statements) await sql.raw(statement).execute(db);
  },
};
