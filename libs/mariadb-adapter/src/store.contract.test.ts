import {
  describeIdGeneratorContract,
  describeStoreContracts,
  type StoreFactory,
  type WriteRoundTrips,
} from '@chatroom/domain/testing';

/**
 * Statements per write use case (transaction control aside). Every command, the room commands
 * (create, add, remove, transfer, dissolve, mute, unmute, promote, demote, announcement,
 * mute-all), the list commands (block, allow, removal from a list, super admins, batch removal),
 * the settings commands (modify, the attribute set and delete) and the user's deletion, is ONE
 * compound statement, success and refusals alike (MariadbRoomCommands).
 */
const WRITE_ROUND_TRIPS: WriteRoundTrips = {
  create: 1,
  'create, user missing': 1,
  'create, id taken': 1,
  'create, quota exceeded': 1,
  'create, user at the joined-room cap': 1,
  add: 1,
  'add, already a member': 1,
  'add, room missing': 1,
  'add, user missing': 1,
  'add, blocked': 1,
  'add, room full': 1,
  'add, user at the joined-room cap': 1,
  remove: 1,
  'remove, room missing': 1,
  'remove, user missing': 1,
  'remove, the owner': 1,
  'remove, not a member': 1,
  transfer: 1,
  'transfer, room missing': 1,
  'transfer, user missing': 1,
  'transfer, same owner': 1,
  'transfer, not a member': 1,
  dissolve: 1,
  'dissolve, room missing': 1,
  mute: 1,
  unmute: 1,
  'unmute a batch': 1,
  'unmute a batch, room missing': 1,
  'mute, room missing': 1,
  'mute, not a member': 1,
  promote: 1,
  'promote, already an admin': 1,
  'promote, room missing': 1,
  'promote, user missing': 1,
  'promote, not a member': 1,
  'promote, the owner': 1,
  'promote, admin limit': 1,
  demote: 1,
  'demote, room missing': 1,
  'demote, user missing': 1,
  'demote, not an admin': 1,
  announce: 1,
  'announce, room missing': 1,
  'mute all': 1,
  'mute all, room missing': 1,
  block: 1,
  'block, room missing': 1,
  'block, user missing': 1,
  'block, the owner': 1,
  'block, not a member': 1,
  'block many': 1,
  'block many, room missing': 1,
  unblock: 1,
  'unblock, not blocked': 1,
  'unblock, room missing': 1,
  allow: 1,
  'allow, room missing': 1,
  'allow, user missing': 1,
  'allow, not a member': 1,
  'allow many': 1,
  'allow many, room missing': 1,
  disallow: 1,
  'disallow, room missing': 1,
  'add super admin': 1,
  'add super admin, user missing': 1,
  'remove super admin': 1,
  'remove super admin, user missing': 1,
  'remove many': 1,
  'remove many, room missing': 1,
  modify: 1,
  'modify, room missing': 1,
  'modify, maxusers below the members': 1,
  'set attributes': 1,
  'set attributes, owned by another': 1,
  'set attributes, forced': 1,
  'set attributes, room at its limit': 1,
  'set attributes, room missing': 1,
  'set attributes, not in the room': 1,
  'delete attributes, owned by another': 1,
  'delete attributes': 1,
  'delete attributes, key missing': 1,
  'delete attributes, forced': 1,
  'delete attributes, room missing': 1,
  'delete attributes, not in the room': 1,
  'delete user': 1,
  'delete user, missing': 1,
};
import { afterAll, describe } from 'vitest';
import { createTestMariadbDatabase, type TestMariadbDatabase } from './testing/create-test-database.js';
import { openStoreHandle } from './test-support/store-handle.js';

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
