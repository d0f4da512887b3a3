import type { Migration } from 'kysely';
import { statementsMigration } from './statements-migration.js';

/** The name of the rate limiter's table (the HTTP app's limiter store writes it). */
export const RATE_LIMITS_TABLE = 'rate_limits';

/**
 * The shared request budgets: rate-limiter-flexible's PostgreSQL store keeps one row per
 * (app, operation class) key, its points used and when the window ends (ms since the epoch).
 * Created here, with the exact shape the library expects, so that instances starting together
 * never race on a `CREATE TABLE` of their own. UNLOGGED: budgets of one second need no crash
 * safety, and skipping the WAL halves the cost of each check.
 */
const statements = [
  `CREATE UNLOGGED TABLE ${RATE_LIMITS_TABLE} (
    key varchar(255) PRIMARY KEY,
    points integer NOT NULL DEFAULT 0,
    expire bigint
  )`,
  // TEMPORARY, until the tenant-admin migration (0003) of the admin CLI lands with this column:
  // a no-op once it exists, so both orders of merging leave one column.
  `ALTER TABLE apps ADD COLUMN IF NOT EXISTS rate_limit text NOT NULL DEFAULT 'off'`,
];

export const rateLimitsMigration: Migration = statementsMigration(statements);
