import {
  describeIdGeneratorContract,
  describeStoreContracts,
  WRITE_CASES,
  type StoreFactory,
  type WriteRoundTrips,
} from '@chatroom/domain/testing';
import { afterAll, describe } from 'vitest';
import { createTestMariadbDatabase, type TestMariadbDatabase } from './testing/create-test-database.js';
import { openStoreHandle } from './test-support/store-handle.js';

/**
 * Statements per write use case (transaction control aside). Every command, the room commands
 * (create, add, remove, transfer, dissolve, mute, unmute, promote, demote, announcement,
 * mute-all), the list commands (block, allow, removal from a list, super admins, batch removal),
 * the settings commands (modify, the attribute set and delete) and the user's deletion, is ONE
 * compound statement, success and refusals alike (MariadbRoomCommands).
 */
const WRITE_ROUND_TRIPS = Object.fromEntries(WRITE_CASES.map((name) => [name, 1])) as WriteRoundTrips;

// The domain's whole contract suite, the same tests the in-memory and PostgreSQL stores pass:
// each port, the declared concurrency, query counts, forced interleavings, use cases racing.
// Each describe block opens a fresh database; openSecond is a second pool (another "process").
const databases: TestMariadbDatabase[] = [];
afterAll(() => Promise.all(databases.map((db) => db.drop())));
const first = await createTestMariadbDatabase();
if (first) databases.push(first);

/** Enough connections for the races, few enough for a shared server (max_connections 151). */
const POOL_SIZE = 8;

function mariadb(): StoreFactory {
  let unused = first;
  let lastUrl: string | undefined;
  return {
    async open() {
      const db = unused ?? (await createTestMariadbDatabase());
      unused = null;
      if (!db) throw new Error('no MariaDB server');
      if (!databases.includes(db)) databases.push(db);
      lastUrl = db.url;
      return openStoreHandle({ databaseUrl: db.url, poolSize: POOL_SIZE });
    },
    async openSecond() {
      if (!lastUrl) throw new Error('open() first');
      return openStoreHandle({ databaseUrl: lastUrl, poolSize: POOL_SIZE });
    },
    writeRoundTrips: WRITE_ROUND_TRIPS,
    concurrentUnits: true,
  };
}

// Without TEST_MARIADB_URL, createTestMariadbDatabase has printed why these cases are skipped.
describe.skipIf(!first)('mariadb', () => {
  const factory = mariadb();
  describeStoreContracts('mariadb', factory);
  describeIdGeneratorContract('mariadb', async () => {
    const a = await factory.open();
    const b = await factory.openSecond!();
    return { first: a.ids, second: b.ids, close: async () => (await b.close(), await a.close()) };
  });
});
