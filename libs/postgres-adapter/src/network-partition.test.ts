import { UnavailableError } from '@chatroom/domain';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgresAdapter, type PostgresAdapter } from './open-postgres-adapter.js';
import { createTestDatabase } from './testing/create-test-database.js';
import { startTcpProxy, type TcpProxy } from './testing/tcp-proxy.js';

const db = await createTestDatabase();
const QUERY_TIMEOUT_MS = 500;

/**
 * A server that silently vanishes (nothing refused, nothing answered) must not hang queries:
 * they fail as UnavailableError after the query timeout, and the adapter heals by itself once
 * the network is back, even on the connections that lived through the partition.
 */
describe.skipIf(!db)('postgres: a network partition', () => {
  let proxy: TcpProxy;
  let adapter: PostgresAdapter;

  beforeAll(async () => {
    const url = new URL(db!.url);
    proxy = await startTcpProxy({ host: url.hostname, port: Number(url.port || 5432) });
    url.hostname = '127.0.0.1';
    url.port = String(proxy.port);
    adapter = await openPostgresAdapter({ databaseUrl: url.toString(), poolSize: 2, queryTimeoutMs: QUERY_TIMEOUT_MS });
  });

  afterAll(async () => {
    await adapter?.close();
    await proxy?.close();
    await db?.drop();
  });

  const countApps = () => adapter.uow.read((r) => r.apps.count());

  it('fails queries as unavailable within the query timeout, then recovers when the network returns', async () => {
    // Both pooled connections open and idle before the partition.
    expect(await Promise.all([countApps(), countApps()])).toEqual([0, 0]);
    proxy.partition();

    const started = Date.now();
    // As many queries as pooled connections: each waits on a connection that gets no answer.
    // (A query that needs a new connection waits for the pool's connect timeout instead.)
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
    // Every pooled connection works again (none is left waiting for a lost answer).
    expect(await Promise.all([countApps(), countApps(), countApps(), countApps()])).toEqual([0, 0, 0, 0]);
    expect(await adapter.isReady()).toBe(true);
  });
});
