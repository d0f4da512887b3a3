import {
  describeIdGeneratorContract,
  describeStoreContracts,
  WRITE_CASES,
  type StoreFactory,
  type WriteRoundTrips,
} from '@chatroom/domain/testing';
import { afterAll, describe } from 'vitest';
import { createTestDatabase, type TestDatabase } from './testing/create-test-database.js';
import { openStoreHandle } from './test-support/store-handle.js';

/**
 * Every write use case, success or refusal: one statement (a guarded command, autocommit). The
 * probe counts statements that returned rows; the refusals that come after a counter was
 * bumped raise inside that one statement (undoing it), so they show as 0: any statement added
 * before them would still be counted.
 */
const ONE_STATEMENT_EACH = {
  ...Object.fromEntries(WRITE_CASES.map((name) => [name, 1])),
  'add, room full': 0,
  'add, user at the joined-room cap': 0,
  'create, quota exceeded': 0,
  'create, user at the joined-room cap': 0,
} as WriteRoundTrips;

// The domain's contract suite, the same tests the in-memory adapters pass, on PGlite and on
// PostgreSQL. Each store says what it offers: a second handle and concurrent units, or why not.
const databases: TestDatabase[] = [];
afterAll(() => Promise.all(databases.map((db) => db.drop())));
const first = await createTestDatabase();
if (first) databases.push(first);

const PGLITE: StoreFactory = {
  open: () => openStoreHandle({ dataDir: 'memory://' }),
  writeRoundTrips: ONE_STATEMENT_EACH,
  noSecondHandle: 'PGlite is owned by one process (the data-directory lock), so there is no second handle',
  concurrentUnits: false,
  serialisedBecause: 'PGlite has one connection, which a unit of work holds for its whole transaction',
};

function postgres(): StoreFactory {
  let unused = first;
  let lastUrl: string | undefined;
  return {
    async open() {
      const db = unused ?? (await createTestDatabase());
      unused = null;
      if (!db) throw new Error('no PostgreSQL server');
      if (!databases.includes(db)) databases.push(db);
      lastUrl = db.url;
      return openStoreHandle({ databaseUrl: db.url });
    },
    async openSecond() {
      if (!lastUrl) throw new Error('open() first');
      return openStoreHandle({ databaseUrl: lastUrl });
    },
    writeRoundTrips: ONE_STATEMENT_EACH,
    concurrentUnits: true,
  };
}

describe('pglite', () => {
  describeStoreContracts('pglite', PGLITE);
  describeIdGeneratorContract('pglite', async () => {
    const store = await PGLITE.open();
    // One process owns a PGlite database: its one generator stands for both instances.
    return { first: store.ids, second: store.ids, close: () => store.close() };
  });
});

// Without a server, createTestDatabase has printed why these cases are skipped.
describe.skipIf(!first)('postgres', () => {
  const factory = postgres();
  describeStoreContracts('postgres', factory);
  describeIdGeneratorContract('postgres', async () => {
    const a = await factory.open();
    const b = await factory.openSecond!();
    return { first: a.ids, second: b.ids, close: async () => (await b.close(), await a.close()) };
  });
});
