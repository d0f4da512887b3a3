import type { Migration } from 'kysely';
import { statementsMigration } from './statements-migration.js';

/**
 * The delivery queue, shaped for a claim whose cost does not grow with the backlog
 * (PostgresDeliveryQueue): `event_deliveries_due_idx` hands out the due rows oldest first, and a
 * row held back behind its room's failing head is moved to that head's retry time once, so a
 * dead receiver's backlog is not walked again by every claim. The primary key leads with
 * `event_seq`, so it also serves the cascade from a pruned event, and the separate event_seq
 * index goes: still three indexes per queued delivery.
 *
 * Storage: the table is a queue (rows live seconds; its size swings between empty and a
 * backlog). Fixed vacuum and analyze thresholds keep dead tuples and statistics current where the
 * default fractions of the table would wait; pages kept 30 % free let the lease (no index holds
 * it) be written in place, as a HOT update.
 */
const statements = [
  `ALTER TABLE event_deliveries DROP CONSTRAINT event_deliveries_pkey`,
  `ALTER TABLE event_deliveries ADD PRIMARY KEY (event_seq, rule_id)`,
  `DROP INDEX event_deliveries_event_idx`,
  `CREATE INDEX event_deliveries_due_idx ON event_deliveries (next_at, event_seq) WHERE state = 'pending'`,
  `ALTER TABLE event_deliveries SET (
    fillfactor = 70,
    autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 1000,
    autovacuum_analyze_scale_factor = 0, autovacuum_analyze_threshold = 1000
  )`,
];

export const deliveryQueueStorageMigration: Migration = statementsMigration(statements);
