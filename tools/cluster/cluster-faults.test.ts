import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { byStatus, ChatClient, isWrite, ok, type Outcome } from './load/chat-client.js';
import { easemobErrorProblems, edgeProbes, hostileRequests, probeEdge, sendHostile } from './load/edge-probes.js';
import {
  checkDatabase as checkLedger,
  failureReasons,
  seconds,
  startLoad as startLoadOn,
  writesBackAt,
} from './load/fault-harness.js';
import { registerUsers, userNames } from './load/mixed-load.js';
import { readAccessLog } from './load/nginx-access-log.js';
import { httpRequest, rawRequest } from './load/raw-http.js';
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

const checkDatabase = (ledger: Parameters<typeof checkLedger>[1]) => checkLedger(cluster, ledger);
const startLoad = (readShare: number, maxRequests?: number) => startLoadOn(cluster, USERS, readShare, maxRequests);

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
    const phase = (o: Outcome) =>
      o.endedAt < killedAt ? 'before' : recoveredAt !== undefined && o.startedAt > recoveredAt ? 'after' : 'gap';
    const phases = Object.fromEntries(
      ['before', 'gap', 'after'].map((p) => [p, byStatus(client.outcomes.filter((o) => phase(o) === p))]),
    );
    const unavailable = client.outcomes.filter((o) => o.status === 503);
    const lastFailure = Math.max(...writes.filter((o) => !ok(o)).map((o) => o.endedAt), killedAt);
    console.log(
      `primary loss: killed ${primary.name} (${rolesBefore.join(' ')}); now ${(await cluster.roles()).join(' ')}`,
    );
    console.log(
      `  writes back ${recoveredAt ? seconds(recoveredAt - killedAt) : 'NEVER'} after the kill (last failed write ${seconds(lastFailure - killedAt)} after it); ` +
        `${writes.length} writes, ${client.outcomes.length - writes.length} reads`,
    );
    console.log(
      `  requests by status: ${JSON.stringify(phases)}; 503 with Retry-After: ${unavailable.filter((o) => o.retryAfter).length}/${unavailable.length}`,
    );
    const db = await checkDatabase(ledger);

    // The lost node comes back: Patroni rewinds it and it follows the new primary.
    const revivedAt = performance.now();
    await cluster.reviveNode(primary.name);
    await waitUntil(
      'the lost node to rejoin',
      async () => !(await cluster.roles()).some((r) => r.endsWith(':down')),
      90_000,
      500,
    );
    console.log(
      `  ${primary.name} rejoined as a replica ${seconds(performance.now() - revivedAt)} after its restart: ${(await cluster.roles()).join(' ')}`,
    );

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
    console.log(
      `  reads by status: ${JSON.stringify(byStatus(reads))}; writes by status: ${JSON.stringify(byStatus(writes))}`,
    );
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
      restarts.push(
        `#${index}: stopped in ${seconds(stoppedAt - t0)}, ready again ${seconds(performance.now() - stoppedAt)} later`,
      );
      await sleep(1_000);
    }
    const took = performance.now() - began;
    await stop();

    console.log(
      `rolling restart of ${cluster.instances.length} instances in ${seconds(took)} (${restarts.join('; ')})`,
    );
    console.log(
      `  ${client.outcomes.length} requests: ${JSON.stringify(byStatus(client.outcomes))}; failures: ${JSON.stringify(failureReasons(client.outcomes))}`,
    );
    const db = await checkDatabase(ledger);

    expect(client.outcomes.length).toBeGreaterThan(200);
    expect(client.outcomes.filter((o) => !ok(o))).toEqual([]);
    expect(db.mismatches).toEqual([]);
    expect(db.violations).toEqual([]);
  }, 180_000);

  /**
   * One fault of the topology's other parts under write load (10 % reads): `inject` runs 4 s into
   * the load, which goes on `afterMs` more. Prints the figures every such fault is held to.
   */
  async function underWriteLoad(name: string, inject: () => Promise<string>, afterMs = 8_000) {
    const { client, ledger, stop } = await startLoad(0.1);
    await sleep(4_000);
    const faultAt = performance.now();
    const what = await inject();
    const injectedIn = performance.now() - faultAt;
    await sleep(afterMs);
    await stop();
    const backAt = writesBackAt(client.outcomes, faultAt);
    const since = client.outcomes.filter((o) => o.endedAt > faultAt);
    console.log(
      `${name}: ${what} (${seconds(injectedIn)}); writes back ${backAt === undefined ? 'NEVER' : seconds(backAt - faultAt)} after it; ` +
        `${client.outcomes.filter(isWrite).length} writes, ${client.outcomes.filter((o) => !isWrite(o)).length} reads`,
    );
    console.log(
      `  since the fault by status: ${JSON.stringify(byStatus(since))}; failures: ${JSON.stringify(failureReasons(client.outcomes))}`,
    );
    const db = await checkDatabase(ledger);
    return { outcomes: client.outcomes, writesBackMs: backAt === undefined ? undefined : backAt - faultAt, db };
  }

  /** A refusal a client can act on: the service's 503 with Retry-After. */
  const unavailable = (o: Outcome) => o.status === 503 && o.retryAfter !== null;

  /** Writes back within 15 s, nothing but 503 + Retry-After meanwhile, no acknowledged write lost. */
  function expectRecoveredWithOnly503(result: Awaited<ReturnType<typeof underWriteLoad>>): void {
    expect(result.writesBackMs).toBeDefined();
    expect(result.writesBackMs!).toBeLessThan(15_000);
    expect(result.outcomes.filter((o) => !ok(o) && !unavailable(o))).toEqual([]);
    expect(result.db.mismatches).toEqual([]);
    expect(result.db.violations).toEqual([]);
  }

  it('etcd leader lost (3 members): writes go on, nothing acknowledged is lost; the member rejoins', async () => {
    let lost = '';
    const result = await underWriteLoad('etcd member loss', async () => {
      const leader = (await cluster.etcdLeader())!;
      lost = leader.name;
      await cluster.killEtcdMember(leader.name);
      return `SIGKILL etcd leader ${leader.name}; database roles ${(await cluster.roles()).join(' ')}`;
    });
    const revivedAt = performance.now();
    await cluster.reviveEtcdMember(lost);
    console.log(
      `  ${lost} healthy again ${seconds(performance.now() - revivedAt)} after its restart; roles ${(await cluster.roles()).join(' ')}`,
    );

    expectRecoveredWithOnly503(result);
  }, 120_000);

  it('HAProxy restarted: writes are back within 15 s, the gap is 503 + Retry-After, nothing acknowledged is lost', async () => {
    const result = await underWriteLoad('HAProxy restart', async () => {
      await cluster.restartHaproxy();
      return 'SIGTERM HAProxy and start it again';
    });

    expectRecoveredWithOnly503(result);
  }, 120_000);

  it('nginx reloaded under load: no request that reached nginx fails', async () => {
    const result = await underWriteLoad('nginx reload', async () => {
      cluster.reloadNginx();
      return 'SIGHUP to the nginx master';
    });
    await sleep(1_500); // nginx flushes its access log every second
    const log = readAccessLog(join(cluster.state.dir, 'logs', 'nginx-access.log'));
    // An old worker closes its idle keep-alive connections at once; a request the client wrote
    // onto one at that instant never reached nginx (no access-log line), and the client sees
    // the connection close before any answer: HTTP's signal that it may send it again.
    const unsent = result.outcomes.filter((o) => o.status === 0 && !log.has(o.requestId));
    console.log(
      `  requests written onto a keep-alive connection as the old workers closed it (never reached nginx): ${unsent.length}`,
    );

    expect(result.outcomes.length).toBeGreaterThan(100);
    expect(result.outcomes.filter((o) => !ok(o) && !unsent.includes(o))).toEqual([]);
    expect(result.db.mismatches).toEqual([]);
    expect(result.db.violations).toEqual([]);
  }, 120_000);

  it('nginx speaks the Easemob error body: hostile requests, then every instance down', async () => {
    const port = Number(new URL(cluster.baseUrl).port);
    const appPath = `/${BOOTSTRAP.org}/${BOOTSTRAP.app}`;
    const refused = await probeEdge(port, edgeProbes(appPath));
    console.log(
      `edge: ${edgeProbes(appPath).length} hostile requests through nginx; answers not an Easemob JSON error: ${JSON.stringify(refused)}`,
    );
    expect(refused).toEqual({});

    // Seeded hostile requests: what nginx lets through reaches the instances, which answer too.
    const { byStatus, notEasemob } = await sendHostile(port, hostileRequests(appPath, 2_000));
    console.log(
      `  2,000 seeded hostile requests through the topology: ${JSON.stringify(byStatus)}; not an Easemob JSON error: ${JSON.stringify(notEasemob)}`,
    );
    expect(notEasemob).toEqual({});

    await Promise.all(cluster.instances.map((i) => cluster.killInstance(i.index)));
    const read = await rawRequest(port, httpRequest('GET', `${appPath}/chatrooms`));
    const write = await rawRequest(
      port,
      httpRequest('POST', `${appPath}/users`, { 'Content-Type': 'application/json' }, Buffer.from('{}')),
    );
    await Promise.all(cluster.instances.map((i) => cluster.reviveInstance(i.index)));
    console.log(
      `  every instance down: GET → ${read.status} ${read.headers['content-type']}, POST → ${write.status} ${write.headers['content-type']}`,
    );
    expect({ read: easemobErrorProblems(read, 502), write: easemobErrorProblems(write, 502) }).toEqual({
      read: [],
      write: [],
    });
  }, 120_000);
});
