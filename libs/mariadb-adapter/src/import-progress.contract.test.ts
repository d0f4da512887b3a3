import { describeImportProgressContract } from '@chatroom/domain/testing';
import { afterAll, describe } from 'vitest';
import { openMariadbAdapter } from './open-mariadb-adapter.js';
import { seedApp } from '@chatroom/sql-store-kit/testing';
import { createTestMariadbDatabase } from './testing/create-test-database.js';

const db = await createTestMariadbDatabase();
afterAll(() => db?.drop());

describe.skipIf(!db)('mariadb', () =>
  describeImportProgressContract('mariadb', async () => {
    const adapter = await openMariadbAdapter({ databaseUrl: db!.url });
    const app = await seedApp(adapter.uow);
    return { progress: adapter.importProgress, appId: app.id, close: () => adapter.close() };
  }),
);
