import { openPostgresAdapter, type PostgresAdapter } from '../open-postgres-adapter.js';
import { createTestDatabase, type TestDatabase } from '../testing/create-test-database.js';

/**
 * One dialect the adapter's tests run on, as kysely's own tests run over dialects.
 * `available` is false when no PostgreSQL server is at hand (then its cases are skipped,
 * and createTestDatabase has said why).
 */
export interface AdapterUnderTest {
  readonly name: 'pglite' | 'postgres';
  readonly available: boolean;
  /** A fresh, empty, migrated database with an adapter on it. */
  open(): Promise<PostgresAdapter>;
  /** PostgreSQL only: a second adapter (its own pool, as another process) on the last opened database. */
  openSecond?(): Promise<PostgresAdapter>;
  /** A PostgreSQL database of its own for tests that need raw access; null on PGlite. */
  createDatabase(): Promise<TestDatabase | null>;
  /** Drops what open() created. */
  cleanup(): Promise<void>;
}

/** Call once per test file, at top level, so that `available` is known when tests are declared. */
export async function adaptersUnderTest(): Promise<AdapterUnderTest[]> {
  return [pglite(), await postgres()];
}

function pglite(): AdapterUnderTest {
  return {
    name: 'pglite',
    available: true,
    // PGlite is one process by construction (the data-dir lock), so there is no second handle.
    open: () => openPostgresAdapter({ dataDir: 'memory://' }),
    createDatabase: async () => null,
    cleanup: async () => {},
  };
}

async function postgres(): Promise<AdapterUnderTest> {
  const first = await createTestDatabase();
  const databases: TestDatabase[] = first ? [first] : [];
  let unused = first;
  let lastUrl: string | undefined;
  const createDatabase = async () => {
    const db = await createTestDatabase();
    if (db) databases.push(db);
    return db;
  };
  return {
    name: 'postgres',
    available: first !== null,
    async open() {
      const db = unused ?? (await createDatabase());
      unused = null;
      if (!db) throw new Error('no PostgreSQL server');
      lastUrl = db.url;
      return openPostgresAdapter({ databaseUrl: db.url });
    },
    async openSecond() {
      if (!lastUrl) throw new Error('open() first');
      return openPostgresAdapter({ databaseUrl: lastUrl });
    },
    createDatabase,
    async cleanup() {
      await Promise.all(databases.map((db) => db.drop()));
    },
  };
}
