import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { byStatus, ChatClient, isWrite, ok, type Outcome } from './load/chat-client.js';
import { invariantViolations } from './load/invariants-sql.js';
import { registerUsers, runMixedLoad, userNames } from './load/mixed-load.js';
import { readAccessLog, type ProxiedRequest } from './load/nginx-access-log.js';
import { WriteLedger } from './load/write-ledger.js';
import { ensureDebianPackages } from './debian-packages.js';
import { LocalCluster } from './local-cluster.js';
import { killPatroniNode } from './patroni-node.js';
import { waitUntil } from './wait-until.js';

/**
 * Faults against the real topology (etcd, 3 Patroni/PostgreSQL nodes, HAProxy, 3 instances,
 * nginx), with load through nginx on 127.0.0.1. Each test prints its figures.
 */
const BOOTSTRAP = { org: 'load', app: 'chat', clientId: 'YXA6cluster-test', clientSecret: 'cluster-test-secret' };
const USERS = userNames(60);

let cluster: LocalCluster;

beforeAll(async () => {
  ensureDebianPackages();
  cluster = await LocalCluster.up({ bootstrap: BOOTSTRAP, log: (line) => console.log(`[cluster] ${line}`) });
  const client = new ChatClient(cluster.baseUrl, BOOTSTRAP);
  await client.login();
  await registerUsers(client, USERS);
}, 300_000);

afterAll(async () => {
  // CLUSTER_KEEP_DIR=1 keeps the folder (logs, data) for a look after a failure.
  await cluster?.down({ keepDir: process.env.CLUSTER_KEEP_DIR === '1' });
}, 120_000);

async function withDatabase<T>(use: (db: pg.Client) => Promise<T>): Promise<T> {
  const db = new pg.Client({ connectionString: cluster.databaseUrl });
  await db.connect();
  try {
    return await use(db);
  } finally {
    await db.end();
  }
}

async function appId(db: pg.Client): Promise<string> {
  const { rows } = await db.query<{ id: string }>('SELECT id FROM apps WHERE org = $1 AND name = $2', [BOOTSTRAP.org, BOOTSTRAP.app]);
  return rows[0]!.id;
}

/** The ledger against the rows, and every invariant recounted; prints and returns both. */
async function checkDatabase(ledger: WriteLedger) {
  return withDatabase(async (db) => {
    const comparison = await ledger.compareWithDatabase(db, await appId(db));
    const violations = await invariantViolations(db);
    console.log(
      `  ledger: ${JSON.stringify(ledger.acknowledged)} acknowledged; ${comparison.checked} facts checked against the rows, ` +
        `${comparison.mismatches.length} missing or wrong; invariant violations: ${violations.length}`,
    );
    return { ...comparison, violations };
  });
}

/** A fresh client and ledger, and 8 workers of mixed load through nginx until `stop()` is called. */
async function startLoad(readShare: number, maxRequests = 40_000) {
  const client = new ChatClient(cluster.baseUrl, BOOTSTRAP);
  await client.login();
  const ledger = new WriteLedger();
  let stopAt = Infinity;
  const finished = runMixedLoad({ client, ledger, users: USERS, workers: 8, readShare, until: () => performance.now() > stopAt, maxRequests });
  return {
    client,
    ledger,
    /** Stops the load `afterMs` from now and resolves when every worker has finished. */
    stop: (afterMs = 0) => {
      stopAt = performance.now() + afterMs;
      return finished;
    },
  };
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** Why requests failed: method, status, the error (or network error), and the instances nginx tried. */
function failureReasons(outcomes: readonly Outcome[], log?: Map<string, ProxiedRequest>): Record<string, number> {
  const reasons: Record<string, number> = {};
  for (const o of outcomes.filter((x) => !ok(x))) {
    const why = o.error ?? (typeof o.body === 'string' ? 'nginx error page' : o.body?.error_description ?? o.body?.error);
    const proxied = log?.get(o.requestId);
    const tried = proxied ? `, nginx tried ${proxied.upstreams.length} instance(s) [${proxied.upstreamStatuses.join(' ')}]` : '';
    const key = `${o.method} ${o.op} → ${o.status} ${why}${tried}`;
    reasons[key] = (reasons[key] ?? 0) + 1;
  }
  return reasons;
}

describe('the local topology under faults', () => {
  it('primary loss under mixed writes: writes come back within 15 s, no acknowledged write is lost, invariants hold, the gap is 503 + Retry-After', async () => {
    const { client, ledger, stop } = await startLoad(0.1);
    let killedAt = Infinity;

    await sleep(5_000);
    const primary = (await cluster.primary())!;
    const rolesBefore = await cluster.roles();
    killedAt = performance.now();
    await killPatroniNode(primary);
    // Recovered: the first write sent after the kill that got a 2xx. Then 5 s more of load.
    const recoveredAt = await (async () => {
      while (performance.now() - killedAt < 30_000) {
        const first = client.outcomes.find((o) => isWrite(o) && ok(o) && o.startedAt > killedAt);
        if (first) return first.endedAt;
        await sleep(100);
      }
      return undefined;
    })();
    await stop((recoveredAt ?? performance.now()) + 5_000 - performance.now());

    const writes = client.outcomes.filter(isWrite);
    const phase = (o: Outcome) => (o.endedAt < killedAt ? 'before' : recoveredAt !== undefined && o.startedAt > recoveredAt ? 'after' : 'gap');
    const phases = Object.fromEntries(
      ['before', 'gap', 'after'].map((p) => [p, byStatus(client.outcomes.filter((o) => phase(o) === p))]),
    );
    const unavailable = client.outcomes.filter((o) => o.status === 503);
    const lastFailure = Math.max(...writes.filter((o) => !ok(o)).map((o) => o.endedAt), killedAt);
    console.log(`primary loss: killed ${primary.name} (${rolesBefore.join(' ')}); now ${(await cluster.roles()).join(' ')}`);
    console.log(
      `  writes back ${recoveredAt ? seconds(recoveredAt - killedAt) : 'NEVER'} after the kill (last failed write ${seconds(lastFailure - killedAt)} after it); ` +
        `${writes.length} writes, ${client.outcomes.length - writes.length} reads`,
    );
    console.log(`  requests by status: ${JSON.stringify(phases)}; 503 with Retry-After: ${unavailable.filter((o) => o.retryAfter).length}/${unavailable.length}`);
    const db = await checkDatabase(ledger);

    // The lost node comes back: Patroni rewinds it and it follows the new primary.
    const revivedAt = performance.now();
    await cluster.reviveNode(primary.name);
    await waitUntil('the lost node to rejoin', async () => !(await cluster.roles()).some((r) => r.endsWith(':down')), 90_000, 500);
    console.log(`  ${primary.name} rejoined as a replica ${seconds(performance.now() - revivedAt)} after its restart: ${(await cluster.roles()).join(' ')}`);

    expect(recoveredAt).toBeDefined();
    expect(recoveredAt! - killedAt).toBeLessThan(15_000);
    expect(client.outcomes.filter((o) => o.status === 500)).toEqual([]);
    // The gap is the service's 503 with Retry-After; nothing else fails.
    expect(client.outcomes.filter((o) => !ok(o) && o.status !== 503)).toEqual([]);
    expect(unavailable.every((o) => o.retryAfter !== null)).toBe(true);
    expect(phases.after).not.toHaveProperty('503');
    expect(db.mismatches).toEqual([]);
    expect(db.violations).toEqual([]);
    expect(db.checked).toBeGreaterThan(100);
  }, 180_000);

  it('instance loss: SIGKILL one instance under load; GETs see no error; failed writes are counted and explained', async () => {
    const { client, ledger, stop } = await startLoad(0.5);
    await sleep(3_000);
    await cluster.killInstance(2);
    await stop(6_000);
    await cluster.reviveInstance(2);
    await sleep(1_500); // nginx flushes its access log every second
    const log = readAccessLog(join(cluster.state.dir, 'logs', 'nginx-access.log'));

    const reads = client.outcomes.filter((o) => !isWrite(o));
    const writes = client.outcomes.filter(isWrite);
    console.log(`instance loss: SIGKILL instance 2 under load; ${reads.length} reads, ${writes.length} writes`);
    console.log(`  reads by status: ${JSON.stringify(byStatus(reads))}; writes by status: ${JSON.stringify(byStatus(writes))}`);
    console.log(`  failed writes and why: ${JSON.stringify(failureReasons(writes, log), null, 1)}`);
    const db = await checkDatabase(ledger);

    expect(reads.length).toBeGreaterThan(100);
    expect(reads.filter((o) => !ok(o))).toEqual([]);
    // A write fails only as nginx's documented behaviour explains: a POST in flight on the killed
    // instance (502), or a PUT/DELETE nginx re-sent to a second instance after the first died.
    const resent = (o: Outcome) => (log.get(o.requestId)?.upstreams.length ?? 0) > 1;
    expect(writes.filter((o) => !ok(o) && !(o.status === 502 || (o.method !== 'POST' && resent(o))))).toEqual([]);
    expect(db.mismatches).toEqual([]);
    expect(db.violations).toEqual([]);
  }, 120_000);

  it('rolling restart: SIGTERM and restart each instance in turn under load; no request fails', async () => {
    const { client, ledger, stop } = await startLoad(0.4, 60_000);
    await sleep(2_000);
    const began = performance.now();
    const restarts: string[] = [];
    for (const { index } of cluster.instances) {
      const t0 = performance.now();
      let stoppedAt = t0;
      await cluster.restartInstance(index, () => (stoppedAt = performance.now()));
      restarts.push(`#${index}: stopped in ${seconds(stoppedAt - t0)}, ready again ${seconds(performance.now() - stoppedAt)} later`);
      await sleep(1_000);
    }
    const took = performance.now() - began;
    await stop();

    console.log(`rolling restart of ${cluster.instances.length} instances in ${seconds(took)} (${restarts.join('; ')})`);
    console.log(`  ${client.outcomes.length} requests: ${JSON.stringify(byStatus(client.outcomes))}; failures: ${JSON.stringify(failureReasons(client.outcomes))}`);
    const db = await checkDatabase(ledger);

    expect(client.outcomes.length).toBeGreaterThan(200);
    expect(client.outcomes.filter((o) => !ok(o))).toEqual([]);
    expect(db.mismatches).toEqual([]);
    expect(db.violations).toEqual([]);
  }, 180_000);
});
