import { describeIdGeneratorContract, describeStoreContracts, type StoreFactory } from '@chatroom/domain/testing';
import { afterAll, describe } from 'vitest';
import { createTestDatabase, type TestDatabase } from './testing/create-test-database.js';
import { ONE_STATEMENT_EACH } from './test-support/one-statement-each.js';
import { openStoreHandle } from './test-support/store-handle.js';

// The domain's contract suite, the same tests the in-memory adapters pass, on PostgreSQL (PGlite's
// run is pglite-store.contract.test.ts). The store offers a second handle and concurrent units.
const databases: TestDatabase[] = [];
afterAll(() => Promise.all(databases.map((db) => db.drop())));
const first = await createTestDatabase();
if (first) databases.push(first);

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
