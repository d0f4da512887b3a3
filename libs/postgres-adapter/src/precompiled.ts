import { CompiledQuery, type Kysely } from 'kysely';
import type { Database } from './schema/database.js';

/**
 * Runs SQL written once as text, with positional parameters: the hot statements (each request
 * sends a few) skip kysely's query builder and compiler, which cost more per call than the
 * statement's own round trip on a busy event loop. Cold statements stay in the builder.
 */
export async function runPrecompiled<R>(
  db: Kysely<Database>,
  text: string,
  parameters: readonly unknown[],
): Promise<R[]> {
  const { rows } = await db.executeQuery<R>(CompiledQuery.raw(text, [...parameters]));
  return rows;
}
