import { describeIdGeneratorContract, describeStoreContracts, type StoreFactory } from '@chatroom/domain/testing';
import { afterAll, describe } from 'vitest';
import { openMariadbAdapter } from './open-mariadb-adapter.js';
import { createTestMariadbDatabase, type TestMariadbDatabase } from './testing/create-test-database.js';

// The domain's port contract suite, the same tests the in-memory and PostgreSQL adapters pass.
// Each describe block opens a fresh database; openSecond is a second pool (another "process").
const databases: TestMariadbDatabase[] = [];
const probe = await createTestMariadbDatabase();
if (probe) databases.push(probe);
afterAll(() => Promise.all(databases.map((db) => db.drop())));

let unused = probe;
let lastUrl: string | undefined;
const POOL_SIZE = 8;

const factory: StoreFactory = {
  async open() {
    const db = unused ?? (await createTestMariadbDatabase());
    unused = null;
    if (!db) throw new Error('no MariaDB server');
    if (db !== probe) databases.push(db);
    lastUrl = db.url;
    return openMariadbAdapter({ databaseUrl: db.url, poolSize: POOL_SIZE });
  },
  async openSecond() {
    if (!lastUrl) throw new Error('open() first');
    return openMariadbAdapter({ databaseUrl: lastUrl, poolSize: POOL_SIZE });
  },
};

describe.skipIf(!probe)('mariadb', () => {
  describeStoreContracts('mariadb', factory);
  describeIdGeneratorContract('mariadb', () => factory.open());
});
