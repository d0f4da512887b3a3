import pg from 'pg';
import { RateLimiterPostgres } from 'rate-limiter-flexible';
import { consumeOne, limiterPerSize, memoryBudgets } from './limiter-check.js';
import type { BudgetCheck, RateBudgets } from './rate-budgets.js';

export interface PostgresBudgetsOptions {
  readonly databaseUrl: string;
  /** The table of migration 0004 (`rate_limits`). */
  readonly tableName: string;
  /** How long a check may wait for the store before the in-process budget decides instead. */
  readonly timeoutMs: number;
  /** Told of every check the store could not answer in time (metrics, a throttled log line). */
  readonly onStoreFailure: (error: unknown) => void;
}

/** Connections of the limiter's own pool: a check is one short upsert. */
const POOL_SIZE = 8;

/**
 * Budgets shared by every instance on one PostgreSQL: rate-limiter-flexible's PostgreSQL store
 * (one upsert per check on an UNLOGGED table), over a small pool of its own so that a busy
 * request pool never delays the check.
 *
 * When the store fails or answers later than `timeoutMs` (its table gone, the database slow or
 * away), the check falls back to a budget of the same size in this process: the service keeps
 * answering (never a 500 for the limiter's sake), each instance still caps what it lets through,
 * and the shared budget resumes with the store. Fail-open towards the shared count, bounded per
 * instance.
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
        tableName: options.tableName,
        tableCreated: true,
        points: perSecond,
        duration: 1,
        // Expired rows are rewritten in place by the next check of their key; the hourly sweep suffices.
        clearExpiredByTimeout: true,
        // Once a window's budget is spent, the rest of that window is refused from memory: a
        // flood costs the store one round trip per instance and window, not one per request.
        inMemoryBlockOnConsumed: perSecond,
      }),
  );
  const local = memoryBudgets();

  return {
    async consume(key: string, perSecond: number): Promise<BudgetCheck> {
      try {
        return await withTimeout(consumeOne(shared(perSecond), key), options.timeoutMs);
      } catch (error) {
        options.onStoreFailure(error);
        return local.consume(key, perSecond);
      }
    },
    async close() {
      await pool?.end();
    },
  };
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`rate-limit store gave no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}
