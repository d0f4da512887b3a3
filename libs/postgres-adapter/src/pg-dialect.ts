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

/** A kysely dialect over a pg pool of its own (one per adapter, as each process would have). */
export function createPgDialect(
  databaseUrl: string,
  poolSize: number,
  queryTimeoutMs = DEFAULT_QUERY_TIMEOUT_MS,
): PostgresDialect {
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: poolSize,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    query_timeout: queryTimeoutMs,
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
  return new PostgresDialect({ pool: destroyingTimedOutClients(pool) });
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
