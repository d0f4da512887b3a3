import { PGlite, types } from '@electric-sql/pglite';
import { PGliteDialect } from 'kysely-pglite-dialect';

/**
 * PGlite's default shared_buffers (128 MB) is sized for a server; an embedded store for one
 * service does with 16 MB, which takes ≈ 100 MB off the process's RSS and a part of its start.
 */
const POSTGRESQL_CONF = ['shared_buffers = 16MB'];

/**
 * Embedded PostgreSQL in `dataDir` ('memory://' for a throwaway one). The dialect's driver has a
 * single connection and hands it to one holder at a time: a unit of work keeps it for its whole
 * transaction, which serialises units of work as PGlite requires. `template`: a dumped data
 * directory to start a new store from instead of running initdb (see pglite-template.ts).
 */
export async function createPgliteDialect(
  dataDir: string,
  template: Blob | null = null,
): Promise<{ dialect: PGliteDialect; pglite: PGlite }> {
  const pglite = await PGlite.create(dataDir, {
    parsers: { [types.INT8]: (value: string) => Number(value) },
    postgresqlconf: POSTGRESQL_CONF,
    ...(template ? { loadDataDir: template } : {}),
  });
  return { dialect: new PGliteDialect(pglite), pglite };
}
