import type { Migration } from 'kysely';
import { statementsMigration } from './statements-migration.js';

/**
 * `event_deliveries` is a queue: every row is inserted, updated (the lease) and deleted within
 * seconds, and its size swings between empty and a backlog. The default thresholds (a fraction
 * of the table) vacuum and analyze it rarely while it churns, leaving dead tuples for the claim
 * to step over and statistics from another moment (the claim then plans a sort of the whole
 * queue). Fixed thresholds keep both current, as queue tables are usually tuned. Pages kept
 * 30 % free let the lease (a column no index holds) be written as a HOT update, in place.
 */
const statements = [
  `ALTER TABLE event_deliveries SET (
    fillfactor = 70,
    autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 1000,
    autovacuum_analyze_scale_factor = 0, autovacuum_analyze_threshold = 1000
  )`,
];

export const deliveryQueueStorageMigration: Migration = statementsMigration(statements);
