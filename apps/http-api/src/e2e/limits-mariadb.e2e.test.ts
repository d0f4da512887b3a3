import { mysqlUrl } from '@chatroom/mariadb-adapter';
import { createTestMariadbDatabase } from '@chatroom/mariadb-adapter/testing';
import { createConnection } from 'mysql2/promise';
import { afterAll, beforeAll, describe, it } from 'vitest';
import {
  expectInstanceBudgetWithoutStore,
  expectOneSharedBudget,
  limitsEnv,
  tokenWithOlga,
} from '../testing/limits-client.js';
import { spawnService, type SpawnedService } from '../testing/spawn-service.js';

// The per-app budget shared by two real server processes on one MariaDB database, through
// rate-limiter-flexible's MySQL store on the table of the adapter's migration 0006.
const db = await createTestMariadbDatabase();

const PER_SECOND = 10;
const ENV = limitsEnv(PER_SECOND);

describe.skipIf(!db)('limits: two server processes on one MariaDB database', () => {
  let a: SpawnedService;
  let b: SpawnedService;
  let token: string;
  beforeAll(async () => {
    a = await spawnService({ DATABASE_URL: db!.url, ...ENV });
    b = await spawnService({ DATABASE_URL: db!.url, ...ENV });
    token = await tokenWithOlga(a.url);
  }, 60_000);
  afterAll(async () => {
    await a?.stop();
    await b?.stop();
    await db?.drop();
  });

  it('share one budget: what one process spent, the other refuses', async () => {
    await expectOneSharedBudget(a.url, b.url, token, PER_SECOND);
  });

  it('with the limiter table dropped, requests still succeed and each process caps its own share; never a 500', async () => {
    const admin = await createConnection({ uri: mysqlUrl(db!.url) });
    try {
      const [[created]] = (await admin.query('SHOW CREATE TABLE rate_limits')) as unknown as [
        { 'Create Table': string }[],
      ];
      await admin.query('DROP TABLE rate_limits');
      try {
        await expectInstanceBudgetWithoutStore(a.url, token, PER_SECOND);
      } finally {
        await admin.query(created!['Create Table']);
      }
    } finally {
      await admin.end();
    }
  });
});
