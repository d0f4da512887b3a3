import { PGlite, types } from '@electric-sql/pglite';
import { PGliteDialect } from 'kysely-pglite-dialect';

/**
 * Embedded PostgreSQL in `dataDir` ('memory://' for a throwaway one). The dialect's driver has a
 * single connection and hands it to one holder at a time: a unit of work keeps it for its whole
 * transaction, which serialises units of work as PGlite requires.
 */
export async function createPgliteDialect(dataDir: string): Promise<PGliteDialect> {
  const pglite = await PGlite.create(dataDir, {
    parsers: { [types.INT8]: (value: string) => Number(value) },
  });
  return new PGliteDialect(pglite);
}
