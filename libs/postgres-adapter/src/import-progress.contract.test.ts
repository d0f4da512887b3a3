import { describeImportProgressContract } from '@chatroom/domain/testing';
import { afterAll, describe } from 'vitest';
import { openPostgresAdapter } from './open-postgres-adapter.js';
import { seedApp } from '@chatroom/sql-store-kit/testing';
import { createTestDatabase } from './testing/create-test-database.js';

const db = await createTestDatabase();
afterAll(() => db?.drop());

async function openOn(options: { dataDir: string } | { databaseUrl: string }) {
  const adapter = await openPostgresAdapter(options);
  const app = await seedApp(adapter.uow);
  return { progress: adapter.importProgress, appId: app.id, close: () => adapter.close() };
}

describe('pglite', () => describeImportProgressContract('pglite', () => openOn({ dataDir: 'memory://' })));
describe.skipIf(!db)('postgres', () =>
  describeImportProgressContract('postgres', () => openOn({ databaseUrl: db!.url })),
);
