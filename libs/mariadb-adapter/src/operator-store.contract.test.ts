import { describeOperatorStoreContract } from '@chatroom/domain/testing';
import { afterAll, describe } from 'vitest';
import { openMariadbAdapter, type MariadbAdapter } from './open-mariadb-adapter.js';
import { createTestMariadbDatabase } from './testing/create-test-database.js';

/** Each case starts from an empty operators table. */
async function emptied(adapter: MariadbAdapter) {
  for (const operator of await adapter.operators.list()) await adapter.operators.remove(operator.name);
  return { store: adapter.operators, close: async () => {} };
}

const database = await createTestMariadbDatabase();
const mariadb = database ? await openMariadbAdapter({ databaseUrl: database.url, poolSize: 2 }) : undefined;
afterAll(async () => {
  await mariadb?.close();
  await database?.drop();
});

describe.skipIf(!mariadb)('mariadb', () => describeOperatorStoreContract('mariadb', () => emptied(mariadb!)));
