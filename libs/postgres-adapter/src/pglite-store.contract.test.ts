import { describeIdGeneratorContract, describeStoreContracts, type StoreFactory } from '@chatroom/domain/testing';
import { describe } from 'vitest';
import { ONE_STATEMENT_EACH } from './test-support/one-statement-each.js';
import { openStoreHandle } from './test-support/store-handle.js';

// The domain's contract suite, the same tests the in-memory adapters pass, on PGlite (PostgreSQL's
// run is postgres-store.contract.test.ts: two files, so that the test runner runs them side by side).
const PGLITE: StoreFactory = {
  open: () => openStoreHandle({ dataDir: 'memory://' }),
  writeRoundTrips: ONE_STATEMENT_EACH,
  noSecondHandle: 'PGlite is owned by one process (the data-directory lock), so there is no second handle',
  concurrentUnits: false,
  serialisedBecause: 'PGlite has one connection, which a unit of work holds for its whole transaction',
};

describe('pglite', () => {
  describeStoreContracts('pglite', PGLITE);
  describeIdGeneratorContract('pglite', async () => {
    const store = await PGLITE.open();
    // One process owns a PGlite database: its one generator stands for both instances.
    return { first: store.ids, second: store.ids, close: () => store.close() };
  });
});
