import { describeOperatorStoreContract } from '@chatroom/domain/testing';
import { afterAll, describe } from 'vitest';
import { openPostgresAdapter, type PostgresAdapter } from './open-postgres-adapter.js';
import { createTestDatabase } from './testing/create-test-database.js';

/** One adapter per store kind; each case starts from an empty operators table. */
async function emptied(adapter: PostgresAdapter) {
  for (const operator of await adapter.operators.list()) await adapter.operators.remove(operator.name);
  return { store: adapter.operators, close: async () => {} };
}

const pglite = await openPostgresAdapter({ dataDir: 'memory://' });
const database = await createTestDatabase();
const postgres = database ? await openPostgresAdapter({ databaseUrl: database.url }) : undefined;
afterAll(async () => {
  await pglite.close();
  await postgres?.close();
  await database?.drop();
});

describeOperatorStoreContract('pglite', () => emptied(pglite));
describe.skipIf(!postgres)('postgres', () => describeOperatorStoreContract('postgres', () => emptied(postgres!)));
