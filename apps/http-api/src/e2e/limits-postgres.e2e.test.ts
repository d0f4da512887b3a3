import { createTestDatabase } from '@chatroom/postgres-adapter/testing';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  call,
  expectInstanceBudgetWithoutStore,
  expectOneSharedBudget,
  freshWindow,
  limitsEnv,
  tokenWithOlga,
} from '../testing/limits-client.js';
import { spawnService, type SpawnedService } from '../testing/spawn-service.js';

const db = await createTestDatabase();
if (!db) console.warn('Limits e2e tests skipped: no TEST_DATABASE_URL and no Docker engine.');

const PER_SECOND = 10;
const LOCK_TIMEOUT_MS = 500;
const ENV = { ...limitsEnv(PER_SECOND), DB_LOCK_TIMEOUT_MS: String(LOCK_TIMEOUT_MS) };

/**
 * Rate limits and server-side limits across two real server processes on one PostgreSQL
 * database: the shared budget, the limiter's store failing (table dropped, table locked), a
 * row lock held by another session, and what /metrics shows of it.
 */
describe.skipIf(!db)('limits: two server processes on one PostgreSQL database', () => {
  let a: SpawnedService;
  let b: SpawnedService;
  let token: string;
  let admin: pg.Client;
  beforeAll(async () => {
    a = await spawnService({ DATABASE_URL: db!.url, ...ENV });
    b = await spawnService({ DATABASE_URL: db!.url, ...ENV });
    admin = new pg.Client({ connectionString: db!.url });
    await admin.connect();
    token = await tokenWithOlga(a.url);
  }, 60_000);
  afterAll(async () => {
    await admin?.end();
    await a?.stop();
    await b?.stop();
    await db?.drop();
  });

  it('share one budget: what one process spent, the other refuses', async () => {
    const fromB = await expectOneSharedBudget(a.url, b.url, token, PER_SECOND);
    expect(fromB[0]!.body).toMatchObject({ error: 'resource_limited' });
    expect(fromB[0]!.headers.get('retry-after')).toBe('1');
  });

  it('with the limiter table dropped, requests still succeed and each process caps its own share; never a 500', async () => {
    await admin.query('DROP TABLE rate_limits');
    try {
      await expectInstanceBudgetWithoutStore(a.url, token, PER_SECOND);
    } finally {
      await admin.query(
        'CREATE UNLOGGED TABLE rate_limits (key varchar(255) PRIMARY KEY, points integer NOT NULL DEFAULT 0, expire bigint)',
      );
    }
  });

  it('with the limiter table locked (a slow store), a request waits at most the store timeout, then is answered', async () => {
    const holder = new pg.Client({ connectionString: db!.url });
    await holder.connect();
    try {
      await holder.query('BEGIN');
      await holder.query('LOCK TABLE rate_limits IN ACCESS EXCLUSIVE MODE');
      await freshWindow();
      const started = Date.now();
      const answer = await call(b.url, 'GET', '/users/olga', token);
      expect(answer.status).toBe(200);
      // The store timeout is 200 ms by default; the rest is the request itself on a busy machine.
      expect(Date.now() - started).toBeLessThan(1_500);
    } finally {
      await holder.query('ROLLBACK');
      await holder.end();
    }
  });

  it('a row lock held by another session gives 503 within lock_timeout, not a hang, and /metrics counts it', async () => {
    await freshWindow();
    const created = await call(a.url, 'POST', '/chatrooms', token, { name: 'locked', description: 'd', owner: 'olga' });
    expect(created.status).toBe(200);
    const id = created.body.data.id as string;
    const holder = new pg.Client({ connectionString: db!.url });
    await holder.connect();
    try {
      await holder.query('BEGIN');
      await holder.query('SELECT 1 FROM rooms WHERE id = $1 FOR UPDATE', [id]);
      const started = Date.now();
      const answer = await call(a.url, 'PUT', `/chatrooms/${id}`, token, { name: 'renamed' });
      const waited = Date.now() - started;
      expect(answer.status).toBe(503);
      expect(answer.body).toMatchObject({ error: 'service_unavailable', error_description: 'Service unavailable' });
      expect(answer.headers.get('retry-after')).toBe('1');
      expect(waited).toBeGreaterThanOrEqual(LOCK_TIMEOUT_MS - 50);
      expect(waited).toBeLessThan(LOCK_TIMEOUT_MS + 2_000);
    } finally {
      await holder.query('ROLLBACK');
      await holder.end();
    }
    const metrics = (await call(a.url, 'GET', '/metrics', null)).body as string;
    expect(metrics).toMatch(/^http_unavailable_responses_total\{route="\/:org\/:app\/chatrooms\/:id"\} 1$/m);
    expect(metrics).toMatch(/^db_pool_connections [1-9]\d*$/m);
    expect(metrics).toMatch(/^db_pool_idle_connections \d+$/m);
    expect(metrics).toMatch(/^db_pool_waiting_requests 0$/m);
    await freshWindow();
    expect((await call(a.url, 'PUT', `/chatrooms/${id}`, token, { name: 'renamed' })).status).toBe(200);
  });
});
