import { UnavailableError } from '@chatroom/domain';
import { openMariadbAdapter, type MariadbAdapter } from '@chatroom/mariadb-adapter';
import { createTestMariadbDatabase } from '@chatroom/mariadb-adapter/testing';
import { startTcpProxy, type TcpProxy } from '@chatroom/postgres-adapter/testing';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Here rather than in the MariaDB adapter's lib because the TCP proxy lives in another adapter's
// testing entry, which adapters may not import (only the app may).
const db = await createTestMariadbDatabase();
const QUERY_TIMEOUT_MS = 500;
/** Closing waits for the connect timeout (10 s) of a connection the partition caught mid-handshake. */
const SLOW_MS = 30_000;

/**
 * A server that silently vanishes (nothing refused, nothing answered) must not hang queries on
 * MariaDB either: mysql2's per-query timeout (set on every query by the dialect) fails them as
 * UnavailableError, and the connections that timed out are destroyed rather than reused, so the
 * adapter heals by itself once the network is back.
 */
describe.skipIf(!db)('mariadb: a network partition', () => {
  let proxy: TcpProxy;
  let adapter: MariadbAdapter;

  beforeAll(async () => {
    const url = new URL(db!.url);
    proxy = await startTcpProxy({ host: url.hostname, port: Number(url.port || 3306) });
    url.hostname = '127.0.0.1';
    url.port = String(proxy.port);
    adapter = await openMariadbAdapter({ databaseUrl: url.toString(), poolSize: 2, queryTimeoutMs: QUERY_TIMEOUT_MS });
  }, SLOW_MS);

  afterAll(async () => {
    proxy?.restore();
    await adapter?.close();
    await proxy?.close();
    await db?.drop();
  }, SLOW_MS);

  const countApps = () => adapter.uow.read((r) => r.apps.count());

  it(
    'fails queries as unavailable within the query timeout, then recovers when the network returns',
    async () => {
      expect(await Promise.all([countApps(), countApps()])).toEqual([0, 0]);
      proxy.partition();

      const started = Date.now();
      const failures = await Promise.allSettled([countApps(), countApps()]);
      expect(Date.now() - started).toBeLessThan(QUERY_TIMEOUT_MS * 6);
      for (const failure of failures) {
        expect(failure.status).toBe('rejected');
        expect((failure as PromiseRejectedResult).reason).toBeInstanceOf(UnavailableError);
      }
      expect(await adapter.isReady()).toBe(false);

      proxy.restore();
      let answer: number | undefined;
      for (let attempt = 0; attempt < 40 && answer === undefined; attempt++) {
        answer = await countApps().catch(() => undefined);
        if (answer === undefined) await sleep(250);
      }
      expect(answer).toBe(0);
      expect(await Promise.all([countApps(), countApps(), countApps(), countApps()])).toEqual([0, 0, 0, 0]);
      expect(await adapter.isReady()).toBe(true);
    },
    SLOW_MS,
  );
});
