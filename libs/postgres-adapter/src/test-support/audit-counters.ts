import { auditCounterQueries, type CounterAudit } from '@chatroom/sql-store-kit/testing';
import pg from 'pg';

export { CLEAN_AUDIT, type CounterAudit } from '@chatroom/sql-store-kit/testing';

/** Recounts every guarded counter from the rows themselves, and checks the moderation limits, on a PostgreSQL database. */
export async function auditCounters(databaseUrl: string): Promise<CounterAudit> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await auditCounterQueries(async (query) => (await client.query<{ id: unknown }>(query)).rows);
  } finally {
    await client.end();
  }
}
