import {
  CompiledQuery,
  MysqlAdapter,
  MysqlDialect,
  type DialectAdapter,
  type MysqlPool,
  type MysqlPoolConnection,
} from 'kysely';
import { createPool, type Pool, type PoolConnection, type TypeCast } from 'mysql2';

/** How long a new connection may take before the store counts as unavailable. */
const CONNECT_TIMEOUT_MS = 10_000;

/**
 * How long a query may wait for its answer. Without it, a server that silently vanished (a
 * network partition) would hang the request until TCP gives up.
 */
const DEFAULT_QUERY_TIMEOUT_MS = 10_000;

/**
 * How long InnoDB lets a statement wait for a row lock (the server default is 50 s). Below the
 * query timeout, so that a long wait ends as a clean 1205 from the server, not a dropped connection.
 */
const LOCK_WAIT_TIMEOUT_S = 8;

/**
 * Set on every new connection:
 * - READ COMMITTED, as on PostgreSQL: the guarded counters and row locks keep the invariants,
 *   not the isolation level, and READ COMMITTED takes no gap locks (fewer deadlocks than the
 *   server's default REPEATABLE READ); locking reads always see the latest committed row.
 * - strict mode for every table, so that a value that does not fit is an error, never silently
 *   cut (backslash escapes stay on: mysql2 escapes parameters with them);
 * - utf8mb4 with the binary, no-pad collation for the session's literals.
 */
const SESSION_SETUP = [
  'SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED',
  "SET SESSION sql_mode = 'STRICT_ALL_TABLES,ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION,NO_AUTO_VALUE_ON_ZERO'",
  `SET SESSION innodb_lock_wait_timeout = ${LOCK_WAIT_TIMEOUT_S}`,
  'SET NAMES utf8mb4 COLLATE utf8mb4_nopad_bin',
];

/** mysql2's error when a query's `timeout` passes (translated to UnavailableError). */
const QUERY_TIMEOUT_CODE = 'PROTOCOL_SEQUENCE_TIMEOUT';

/** BOOLEAN is TINYINT(1): read it as a boolean. Everything else as mysql2 reads it. */
const typeCast: TypeCast = (field, next) => {
  if (field.type === 'TINY' && field.length === 1) {
    const text = field.string();
    return text === null ? null : text === '1';
  }
  return next();
};

/** mysql://… or mariadb://… → the URL mysql2 parses. */
export function mysqlUrl(databaseUrl: string): string {
  return databaseUrl.replace(/^mariadb:\/\//, 'mysql://');
}

/** A kysely dialect over a mysql2 pool of its own (one per adapter, as each process would have). */
export function createMariadbDialect(
  databaseUrl: string,
  poolSize: number,
  queryTimeoutMs = DEFAULT_QUERY_TIMEOUT_MS,
): MysqlDialect {
  const pool = createPool({
    uri: mysqlUrl(databaseUrl),
    connectionLimit: poolSize,
    connectTimeout: CONNECT_TIMEOUT_MS,
    enableKeepAlive: true,
    charset: 'utf8mb4',
    // Affected rows are rows changed, not rows found: an ON DUPLICATE KEY UPDATE that changes
    // nothing reports 0, which is how an insert-or-skip tells whether it inserted. LOAD DATA
    // LOCAL is never used, so the client does not offer it.
    flags: ['-FOUND_ROWS', '-LOCAL_FILES'],
    typeCast,
    supportBigNumbers: false,
  });
  // A connection the server drops emits 'error'; unheard, it would crash the process. The query
  // in flight is rejected anyway (and translated), and the pool discards the dead connection.
  pool.on('connection', (connection) => connection.on('error', () => {}));
  return new MariadbDialect({
    pool: withQueryTimeout(pool, queryTimeoutMs),
    async onCreateConnection(connection) {
      for (const statement of SESSION_SETUP) await connection.executeQuery(CompiledQuery.raw(statement));
    },
  });
}

/**
 * kysely's MySQL dialect, told that the server answers INSERT … RETURNING and DELETE …
 * RETURNING (MariaDB ≥ 10.5 does; MySQL and UPDATE … RETURNING do not): without it kysely
 * sends the RETURNING clause but hands back an affected-row count instead of the rows.
 */
class MariadbDialect extends MysqlDialect {
  override createAdapter(): DialectAdapter {
    return new MariadbReturningAdapter();
  }
}

class MariadbReturningAdapter extends MysqlAdapter {
  override get supportsReturning(): boolean {
    return true;
  }
}

/**
 * Gives every query kysely sends a timeout, and destroys (rather than returns to the pool) a
 * connection whose query timed out: it may still be waiting for that answer, and every later
 * query on it would wait behind it.
 */
function withQueryTimeout(pool: Pool, timeoutMs: number): MysqlPool {
  // One wrapper per physical connection: kysely keys its per-connection state (and the
  // once-per-connection session setup) on the object the pool hands out.
  const wrappers = new WeakMap<PoolConnection, MysqlPoolConnection>();
  const wrap = (connection: PoolConnection): MysqlPoolConnection => {
    let timedOut = false;
    return {
      query: ((sql: string, values: unknown[], done?: (error: unknown, result: unknown) => void) => {
        if (!done) return connection.query({ sql, values, timeout: timeoutMs });
        connection.query({ sql, values, timeout: timeoutMs }, (queryError: unknown, result: unknown) => {
          if ((queryError as { code?: unknown } | null)?.code === QUERY_TIMEOUT_CODE) timedOut = true;
          done(queryError, result);
        });
      }) as MysqlPoolConnection['query'],
      release: () => (timedOut ? connection.destroy() : connection.release()),
    };
  };
  return {
    getConnection(callback) {
      pool.getConnection((error, connection) => {
        if (error) return callback(error, undefined as never);
        let wrapper = wrappers.get(connection);
        if (!wrapper) wrappers.set(connection, (wrapper = wrap(connection)));
        callback(null, wrapper);
      });
    },
    end: (callback) => pool.end(callback),
  };
}
