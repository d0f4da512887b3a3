import pg from 'pg';
import { RateLimiterPostgres } from 'rate-limiter-flexible';
import {
  limiterPerSize,
  sharedLimiterOptions,
  storeBudgets,
  type StoreBudgetsOptions,
} from '../rate-limit/limiter-check.js';
import type { RateBudgets } from '../rate-limit/rate-budgets.js';

export interface PostgresBudgetsOptions extends StoreBudgetsOptions {
  readonly databaseUrl: string;
  /** The table of migration 0004 (`rate_limits`). */
  readonly tableName: string;
}

/** Connections of the limiter's own pool: a check is one short upsert. */
const POOL_SIZE = 8;

/**
 * Budgets shared by every instance on one PostgreSQL: rate-limiter-flexible's PostgreSQL store
 * (one upsert per check on an UNLOGGED table), over a small pool of its own so that a busy
 * request pool never delays the check; the in-process fallback of storeBudgets.
 */
export function postgresBudgets(options: PostgresBudgetsOptions): RateBudgets {
  let pool: pg.Pool | undefined;
  // Made on first use: no connection at all while every app's limit is off.
  const storePool = () => {
    if (!pool) {
      pool = new pg.Pool({
        connectionString: options.databaseUrl,
        max: POOL_SIZE,
        connectionTimeoutMillis: Math.max(1_000, options.timeoutMs * 5),
        statement_timeout: Math.max(1_000, options.timeoutMs * 5),
        lock_timeout: Math.max(500, options.timeoutMs * 2),
        idle_in_transaction_session_timeout: 5_000,
      });
      pool.on('error', () => {}); // a dropped idle connection; the next check reconnects
    }
    return pool;
  };
  const shared = limiterPerSize(
    (perSecond) =>
      new RateLimiterPostgres({
        storeClient: storePool(),
        storeType: 'pool',
        ...sharedLimiterOptions(options.tableName, perSecond),
      }),
  );
  return storeBudgets(shared, options, async () => {
    await pool?.end();
  });
}
