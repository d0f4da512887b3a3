import { auditCounterQueries, type CounterAudit } from '@chatroom/sql-store-kit/testing';
import { createConnection } from 'mysql2/promise';
import { mysqlUrl } from '../mariadb-dialect.js';

export { CLEAN_AUDIT, type CounterAudit } from '@chatroom/sql-store-kit/testing';

/** Recounts every guarded counter from the rows themselves, and checks the moderation limits, on a MariaDB database. */
export async function auditCounters(databaseUrl: string): Promise<CounterAudit> {
  const connection = await createConnection({ uri: mysqlUrl(databaseUrl) });
  try {
    return await auditCounterQueries(async (query) => (await connection.query(query))[0] as { id: unknown }[]);
  } finally {
    await connection.end();
  }
}
