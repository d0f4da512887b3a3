import { PostgresDialect } from 'kysely';
import pg from 'pg';

const INT8_OID = 20;

/** How long a query may wait for a pooled connection before the store counts as unavailable. */
const CONNECT_TIMEOUT_MS = 10_000;

/** A kysely dialect over a pg pool of its own (one per adapter, as each process would have). */
export function createPgDialect(databaseUrl: string, poolSize: number): PostgresDialect {
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: poolSize,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
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
  return new PostgresDialect({ pool });
}
