import { mysqlUrl } from '@chatroom/mariadb-adapter';
import { createTestMariadbDatabase } from '@chatroom/mariadb-adapter/testing';
import { createConnection } from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { burstsInOneWindow, call, count, expectInstanceBudgetWithoutStore, freshWindow } from '../testing/limits-client.js';
import { spawnService, type SpawnedService } from '../testing/spawn-service.js';

// The per-app budget shared by two real server processes on one MariaDB database, through
// rate-limiter-flexible's MySQL store on the table of the adapter's migration 0006.
const db = await createTestMariadbDatabase();

const PER_SECOND = 10;
const ENV = {
  BOOTSTRAP_ORG: 'lim',
  BOOTSTRAP_APP: 'its',
  BOOTSTRAP_CLIENT_ID: 'lim-client',
  BOOTSTRAP_CLIENT_SECRET: 'lim-secret',
  APP_RATE_LIMIT: String(PER_SECOND),
  LOG_LEVEL: 'info',
};

describe.skipIf(!db)('limits: two server processes on one MariaDB database', () => {
  let a: SpawnedService;
  let b: SpawnedService;
  let token: string;
  beforeAll(async () => {
    a = await spawnService({ DATABASE_URL: db!.url, ...ENV });
    b = await spawnService({ DATABASE_URL: db!.url, ...ENV });
    const issued = await call(a.url, 'POST', '/token', null, { grant_type: 'client_credentials', client_id: 'lim-client', client_secret: 'lim-secret' });
    token = issued.body.access_token;
    await freshWindow();
    expect((await call(a.url, 'POST', '/users', token, { username: 'olga', password: 'pw' })).status).toBe(200);
  }, 60_000);
  afterAll(async () => {
    await a?.stop();
    await b?.stop();
    await db?.drop();
  });

  it('share one budget: what one process spent, the other refuses', async () => {
    const { fromA, fromB } = await burstsInOneWindow(a.url, b.url, token, PER_SECOND);
    expect(count(fromA, 200)).toBe(PER_SECOND);
    expect(count(fromB, 429)).toBe(5);
    expect(fromB[0]!.headers.get('ratelimit')).toMatch(/^"app";r=0;t=1$/);
  });

  it('with the limiter table dropped, requests still succeed and each process caps its own share; never a 500', async () => {
    const admin = await createConnection({ uri: mysqlUrl(db!.url) });
    try {
      const [[created]] = (await admin.query('SHOW CREATE TABLE rate_limits')) as unknown as [{ 'Create Table': string }[]];
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
