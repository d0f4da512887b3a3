import { setTimeout as sleep } from 'node:timers/promises';
import { createTestMariadbDatabase } from '@chatroom/mariadb-adapter/testing';
import { createTestDatabase, startTcpProxy, type TcpProxy } from '@chatroom/postgres-adapter/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRoom, errorRow, registerUsers } from '../testing/fixtures.js';
import { startTestService, type HttpResponse, type TestService } from '../testing/http-harness.js';

// The same outage on each server store: a pg pool, and a mysql2 pool on MariaDB.
const stores = [
  { name: 'PostgreSQL', driver: 'pg', defaultPort: 5432, db: await createTestDatabase() },
  { name: 'MariaDB', driver: 'mysql2', defaultPort: 3306, db: await createTestMariadbDatabase() },
];
if (!stores[0]!.db)
  console.warn('Database-outage end-to-end test on PostgreSQL skipped: no TEST_DATABASE_URL and no Docker engine.');

/** A refused connection fails at once; anything near the pool's 10 s connect timeout is a hang. */
const OUTAGE_ANSWER_MS = 5_000;
/** Recovery polling: at most this many tries, this far apart, and never past the deadline. */
const RECOVERY_TRIES = 30;
const RECOVERY_PAUSE_MS = 500;
const RECOVERY_DEADLINE_MS = 15_000;

/** What a client must see during an outage: the Easemob 503 row, a retry hint, JSON, and nothing of the cause. */
function expectUnavailable(response: HttpResponse): void {
  expect(errorRow(response)).toEqual({
    status: 503,
    error: 'service_unavailable',
    error_description: 'Service unavailable',
  });
  expect(response.headers.get('retry-after')).toMatch(/^\d+$/);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  expect(response.text).not.toMatch(
    /\bat .+:\d+|select|insert|from "|ECONN|terminated|127\.0\.0\.1|postgres|mysql|maria|PROTOCOL_|kysely/i,
  );
}

async function timed(request: Promise<HttpResponse>): Promise<HttpResponse> {
  const started = Date.now();
  const response = await request;
  expect(Date.now() - started).toBeLessThan(OUTAGE_ANSWER_MS);
  return response;
}

for (const { name, driver, defaultPort, db } of stores) {
  describe.skipIf(!db)(`a ${name} outage through the HTTP API (real ${driver} pool behind a TCP proxy)`, () => {
    let proxy: TcpProxy;
    let svc: TestService;
    let roomId: string;

    beforeAll(async () => {
      const direct = new URL(db!.url);
      proxy = await startTcpProxy({ host: direct.hostname, port: Number(direct.port || defaultPort) });
      const viaProxy = new URL(db!.url);
      viaProxy.hostname = '127.0.0.1';
      viaProxy.port = String(proxy.port);
      svc = await startTestService({ inMemory: false, env: { DATABASE_URL: viaProxy.toString(), DB_POOL_SIZE: '4' } });
    }, 20_000);
    afterAll(async () => {
      proxy?.restore(); // so that a test failing mid-outage still lets the pool close cleanly
      await svc?.close();
      await proxy?.close();
      await db?.drop();
    });

    it('works before the outage', async () => {
      await registerUsers(svc, 'olga', 'pete');
      roomId = await createRoom(svc, 'olga', { name: 'before', members: ['pete'] });
      const details = await svc.call('GET', svc.appPath(`/chatrooms/${roomId}`));
      expect(details.status).toBe(200);
      expect(details.body.data[0]).toMatchObject({ id: roomId, name: 'before', owner: 'olga', affiliations_count: 2 });
      expect((await svc.call('GET', '/ready')).status).toBe(200);
      // The pool holds open connections, so the cut below drops live sockets, not just future ones.
      expect(proxy.live).toBeGreaterThan(0);
    });

    it('while the database is cut off: reads and writes get 503 service_unavailable, /ready 503, /health 200', async () => {
      proxy.cut();
      expect(proxy.live).toBe(0);

      expectUnavailable(await timed(svc.call('GET', svc.appPath(`/chatrooms/${roomId}`))));
      expectUnavailable(
        await timed(
          svc.call('POST', svc.appPath('/chatrooms'), { body: { name: 'during', description: 'd', owner: 'olga' } }),
        ),
      );
      expectUnavailable(await timed(svc.call('GET', '/ready')));
      const health = await timed(svc.call('GET', '/health'));
      expect(health.status).toBe(200);
      expect(health.body).toEqual({ status: 'ok' });

      // The 503s came from connections the database side refused, not from something else.
      expect(proxy.refused).toBeGreaterThan(0);
      // Each outage is logged server-side as a failed request (the cause stays in the log).
      expect(svc.logs.filter((l) => l.msg === 'request' && l.status === 503).length).toBeGreaterThanOrEqual(3);
    });

    it('after the database returns: recovers by itself, with the data written before, and takes new writes', async () => {
      proxy.restore();
      const deadline = Date.now() + RECOVERY_DEADLINE_MS;
      let details: HttpResponse | undefined;
      for (let attempt = 0; attempt < RECOVERY_TRIES && Date.now() < deadline; attempt++) {
        details = await svc.call('GET', svc.appPath(`/chatrooms/${roomId}`));
        if (details.status !== 503) break;
        await sleep(RECOVERY_PAUSE_MS);
      }
      expect(details?.status).toBe(200);
      expect(details!.body.data[0]).toMatchObject({ id: roomId, name: 'before', owner: 'olga', affiliations_count: 2 });

      const after = await createRoom(svc, 'pete', { name: 'after' });
      expect((await svc.call('GET', svc.appPath(`/chatrooms/${after}`))).body.data[0]).toMatchObject({
        name: 'after',
        owner: 'pete',
      });
      // The write attempted during the outage left nothing behind.
      const owned = await svc.call('GET', svc.appPath('/users/olga/joined_chatrooms'));
      expect(owned.body.data.map((r: { id: string }) => r.id)).toEqual([roomId]);
      expect((await svc.call('GET', '/ready')).status).toBe(200);
      expect((await svc.call('GET', '/health')).status).toBe(200);
    });
  });
}
