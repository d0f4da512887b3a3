import { PostgresDialect, type PostgresPool, type PostgresPoolClient } from 'kysely';
import pg from 'pg';

const INT8_OID = 20;

/** How long a query may wait for a pooled connection before the store counts as unavailable. */
const CONNECT_TIMEOUT_MS = 10_000;

/**
 * How long a query may wait for its answer. Without it, a server that silently vanished (a
 * network partition: nothing refused, nothing answered) would hang the request until TCP gives up.
 */
const DEFAULT_QUERY_TIMEOUT_MS = 10_000;

/** pg's error when `query_timeout` passes (translated to UnavailableError). */
const QUERY_TIMEOUT_MESSAGE = 'Query read timeout';

/**
 * Server-side limits every pooled session starts with (PostgreSQL's own settings, sent at
 * connection start-up; 0 turns one off). The server enforces them even when this process is
 * gone or stuck: a statement that runs too long is cancelled, a lock wait ends, and a session
 * left idle inside a transaction is terminated, so nobody else waits behind its locks.
 */
export interface PgSessionLimits {
  /** `statement_timeout`: longest run of one statement. */
  readonly statementTimeoutMs: number;
  /** `lock_timeout`: longest wait for one lock (row, table or advisory). */
  readonly lockTimeoutMs: number;
  /** `idle_in_transaction_session_timeout`: longest pause inside an open transaction. */
  readonly idleInTransactionTimeoutMs: number;
}

/**
 * Request-sized defaults: a lock wait ends well before a client's usual 10 s timeout, and a
 * statement is cancelled by the server before the client-side query timeout gives up on it.
 */
export const DEFAULT_SESSION_LIMITS: PgSessionLimits = {
  statementTimeoutMs: 8_000,
  lockTimeoutMs: 3_000,
  idleInTransactionTimeoutMs: 15_000,
};

export interface PgPoolOptions {
  readonly poolSize: number;
  /** Client side: how long a query waits for an answer at all (a silent partition); default 10 s. */
  readonly queryTimeoutMs?: number;
  readonly limits?: PgSessionLimits;
}

/** What a pool holds at one moment, for metrics. */
export interface PoolStats {
  /** Open connections, idle or in use. */
  readonly total: number;
  readonly idle: number;
  /** Queries waiting for a connection. */
  readonly waiting: number;
}

export interface PgDialect {
  readonly dialect: PostgresDialect;
  stats(): PoolStats;
}

/** A kysely dialect over a pg pool of its own (one per adapter, as each process would have). */
export function createPgDialect(databaseUrl: string, options: PgPoolOptions): PgDialect {
  const limits = options.limits ?? DEFAULT_SESSION_LIMITS;
  // Keep it above statement_timeout: the server's cancel is cleaner (the connection survives).
  const queryTimeoutMs = options.queryTimeoutMs ?? DEFAULT_QUERY_TIMEOUT_MS;
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: options.poolSize,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    query_timeout: queryTimeoutMs,
    statement_timeout: limits.statementTimeoutMs,
    lock_timeout: limits.lockTimeoutMs,
    idle_in_transaction_session_timeout: limits.idleInTransactionTimeoutMs,
    keepAlive: true,
    // bigint columns (seq, created, counts) as numbers: every value we store is below 2^53.
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === INT8_OID ? Number : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  });
  // A connection the server drops emits 'error' (on the pool while idle, on the client while
  // checked out); unheard, it would crash the process. The query in flight is rejected anyway
  // (and translated to UnavailableError), and the pool discards the dead connection.
  const ignore = () => {};
  pool.on('error', ignore);
  pool.on('connect', (client) => client.on('error', ignore));
  return {
    dialect: new PostgresDialect({ pool: destroyingTimedOutClients(pool) }),
    stats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
  };
}

/**
 * After a query timed out, its connection may still be waiting for that answer and would make
 * every later query on it time out too: such a connection is destroyed on release instead of
 * going back to the pool, so the service heals as soon as the server answers again.
 */
function destroyingTimedOutClients(pool: pg.Pool): PostgresPool {
  return {
    async connect(): Promise<PostgresPoolClient> {
      const client = await pool.connect();
      let timedOut = false;
      const query = ((...args: [string, unknown[]]) => {
        const result = client.query(...args) as unknown;
        if (result instanceof Promise) {
          result.catch((error: unknown) => {
            if (error instanceof Error && error.message === QUERY_TIMEOUT_MESSAGE) timedOut = true;
          });
        }
        return result;
      }) as PostgresPoolClient['query'];
      return { query, release: () => client.release(timedOut) };
    },
    end: () => pool.end(),
  };
}
