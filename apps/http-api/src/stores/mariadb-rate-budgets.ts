import { mysqlUrl } from '@chatroom/mariadb-adapter';
import { createPool, type Pool } from 'mysql2';
import { RateLimiterMySQL } from 'rate-limiter-flexible';
import {
  limiterPerSize,
  sharedLimiterOptions,
  storeBudgets,
  type StoreBudgetsOptions,
} from '../rate-limit/limiter-check.js';
import type { RateBudgets } from '../rate-limit/rate-budgets.js';

export interface MariadbBudgetsOptions extends StoreBudgetsOptions {
  readonly databaseUrl: string;
  /** The table of the MariaDB adapter's migration 0006 (`rate_limits`). */
  readonly tableName: string;
}

/** Connections of the limiter's own pool: a check is one short transaction. */
const POOL_SIZE = 8;

/**
 * Budgets shared by every instance on one MariaDB: rate-limiter-flexible's MySQL store (a
 * transaction of an upsert and a read per check: four round trips, where PostgreSQL's store
 * takes one), over a small pool of its own so that a busy request pool never delays the check;
 * the in-process fallback of storeBudgets.
 */
export function mariadbBudgets(options: MariadbBudgetsOptions): RateBudgets {
  let pool: Pool | undefined;
  // Made on first use: no connection at all while every app's limit is off.
  const storePool = () => {
    if (!pool) {
      pool = createPool({
        uri: mysqlUrl(options.databaseUrl),
        connectionLimit: POOL_SIZE,
        connectTimeout: Math.max(1_000, options.timeoutMs * 5),
      });
      pool.on('connection', (connection) => {
        connection.on('error', () => {}); // a dropped connection; the next check takes another
        // A locked row gives up soon (1 s, InnoDB's least), not after the default 50 s: until
        // then the connection is lost to the checks, which have long fallen back.
        connection.query('SET SESSION innodb_lock_wait_timeout = 1');
      });
    }
    return pool;
  };
  const shared = limiterPerSize(
    (perSecond) =>
      new RateLimiterMySQL({
        storeClient: storePool(),
        storeType: 'pool',
        dbName: new URL(mysqlUrl(options.databaseUrl)).pathname.slice(1),
        ...sharedLimiterOptions(options.tableName, perSecond),
      }),
  );
  return storeBudgets(shared, options, async () => {
    await new Promise<void>((resolve) => (pool ? pool.end(() => resolve()) : resolve()));
  });
}
