/**
 * The service against its floor, side by side in one run on one fresh database:
 * the compiled service (`apps/http-api/dist/main.js`, as deployed, request logs on) and a bare
 * Koa + pg server doing the fewest statements each operation allows (floor-server.ts; on
 * MariaDB, STORE=mariadb, Koa + mysql2: floor-server-mariadb.ts), driven by
 * the same load generator (autocannon, in this process) alternately, case by case, for ROUNDS
 * rounds (the order flips every round). Prints per case the floor's and the service's req/s, p50
 * and p99 (means over the rounds) and the ratio, as a table and as one JSON line.
 *
 *   npm run bench:floor -w @chatroom/tools     # builds first; TEST_DATABASE_URL, default the local server
 *   STORE=mariadb npm run bench:floor -w @chatroom/tools   # TEST_MARIADB_URL, default mysql://root@127.0.0.1:3306/test
 *   DURATION=10 ROUNDS=3 CONNECTIONS=50 POOL=20 npm run bench:floor -w @chatroom/tools
 *   CASES=create,hot npm run bench:floor -w @chatroom/tools
 *   SERVICE_NODE_ARGS='--cpu-prof --cpu-prof-dir=/tmp/prof' npm run bench:floor -w @chatroom/tools   # profile the service
 *   FLOOR_NODE_ARGS='--cpu-prof --cpu-prof-dir=/tmp/floor-prof' npm run bench:floor -w @chatroom/tools   # the floor's
 *
 * The hot-room case runs against a second service process started with COALESCE_ADDS=false as
 * well, when the service knows that switch (the target there is the floor without coalescing).
 * Data is written straight into the database (same rows for both sides; floor-store-*.ts); each addition case gets
 * a fresh room per side and round, so nobody is ever added twice.
 */
import autocannon from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { BENCH_MASTER_KEY, BENCH_METRICS_TOKEN } from './bench-server.js';
import { printTable, type Case, type Measure, type Side } from './floor-bench-report.js';
import { ADD_USERS, openFloorStore, type FloorStore, type Seed } from './floor-store.js';

const DURATION = Number(process.env['DURATION'] ?? 5);
const ROUNDS = Number(process.env['ROUNDS'] ?? 2);
const CONNECTIONS = Number(process.env['CONNECTIONS'] ?? 50);
const POOL = process.env['POOL'] ?? '20';
const PORT_BASE = Number(process.env['PORT_BASE'] ?? 18200);
const JOINERS = 10_000;
const JOIN_CLIENTS = 200;
const SPREAD_ROOMS = 1_000;
/** Rooms each dissolve run may take (more than a run can dissolve here), and members per removal room. */
const DISSOLVE_ROOMS = 12_000;
const REMOVAL_ROOMS = 1_000;
const REMOVAL_MEMBERS = 12;
const ORG = 'bench';
const APP_NAME = 'chat';
const HERE = fileURLToPath(new URL('.', import.meta.url));
const API_ROOT = fileURLToPath(new URL('../../apps/http-api/', import.meta.url));
const COMPILED_MAIN = `${API_ROOT}dist/main.js`;

async function main(): Promise<void> {
  const store = await openFloorStore(process.env['STORE'] ?? 'postgres');
  const children: ChildProcess[] = [];
  try {
    const serviceEnv = {
      DATABASE_URL: store.url,
      DB_POOL_SIZE: POOL,
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      BOOTSTRAP_ORG: ORG,
      BOOTSTRAP_APP: APP_NAME,
      BOOTSTRAP_CLIENT_ID: 'bench',
      BOOTSTRAP_CLIENT_SECRET: 'bench-secret',
      TOKEN_MASTER_KEY: BENCH_MASTER_KEY,
      METRICS_TOKEN: BENCH_METRICS_TOKEN,
      APP_JOINED_ROOM_CAP: '1000000000',
      APP_ROOM_QUOTA: '1000000000',
      APP_MAXUSERS_CEILING: '1000000000',
    };
    const compiled = existsSync(COMPILED_MAIN);
    if (!compiled)
      console.log('apps/http-api/dist/main.js is missing: running the service from source (npm run build first)');
    const startService = (port: number, extra: Record<string, string>) =>
      start(
        children,
        [
          ...(process.env['SERVICE_NODE_ARGS']?.split(' ').filter(Boolean) ?? []),
          ...(compiled ? [COMPILED_MAIN] : ['--conditions=source', '--import', 'tsx', 'src/main.ts']),
        ],
        API_ROOT,
        { ...serviceEnv, ...extra, PORT: String(port) },
        port,
        '/ready',
      );
    await startService(PORT_BASE, {});
    const rss = new RssSampler(children[0]!.pid!);
    await startService(PORT_BASE + 1, { COALESCE_ADDS: 'false' });
    const appId = await store.appId(ORG, APP_NAME);
    await start(
      children,
      [...(process.env['FLOOR_NODE_ARGS']?.split(' ').filter(Boolean) ?? []), '--import', 'tsx', store.floorServer],
      HERE,
      { DATABASE_URL: store.url, APP_ID: appId, POOL, PORT: String(PORT_BASE + 2) },
      PORT_BASE + 2,
      null,
    );

    const token = (
      await post(
        `http://127.0.0.1:${PORT_BASE}/${ORG}/${APP_NAME}/token`,
        {},
        {
          grant_type: 'client_credentials',
          client_id: 'bench',
          client_secret: 'bench-secret',
        },
      )
    ).access_token as string;
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const sides = {
      floor: { name: 'floor', base: `http://127.0.0.1:${PORT_BASE + 2}/${ORG}/${APP_NAME}`, headers },
      service: { name: 'service', base: `http://127.0.0.1:${PORT_BASE}/${ORG}/${APP_NAME}`, headers },
      uncoalesced: { name: 'service', base: `http://127.0.0.1:${PORT_BASE + 1}/${ORG}/${APP_NAME}`, headers },
    } satisfies Record<string, Side>;

    const seed = await store.seed(appId);
    const cases = allCases(store, appId, seed).filter(
      (c) => !process.env['CASES'] || process.env['CASES'].split(',').includes(c.key),
    );
    console.log(
      `store ${store.name}: ${await store.version()}; node ${process.version}; ${CONNECTIONS} connections, ${DURATION} s per run, ` +
        `${ROUNDS} rounds; pool ${POOL} on both sides; service ${compiled ? 'compiled' : 'from source'}`,
    );

    const results: Record<string, { floor: Measure[]; service: Measure[] }> = {};
    rss.start();
    for (const c of cases) {
      const runs = { floor: [] as Measure[], service: [] as Measure[] };
      for (let round = 0; round < ROUNDS; round++) {
        const order: ('floor' | 'service')[] = round % 2 === 0 ? ['floor', 'service'] : ['service', 'floor'];
        for (const which of order) {
          const side = which === 'floor' ? sides.floor : sides[c.service];
          const measure = await run(c, side, round);
          runs[which].push(measure);
          console.log(
            `  ${c.key} round ${round + 1} ${which}: ${Math.round(measure.rps)} req/s, p50 ${measure.p50} ms, p99 ${measure.p99} ms` +
              (measure.seconds !== undefined ? `, all members after ${measure.seconds.toFixed(2)} s` : '') +
              (measure.non2xx ? `, NON-2XX ${measure.non2xx}` : ''),
          );
        }
      }
      results[c.key] = runs;
    }
    printTable(
      { store: store.name, duration: DURATION, rounds: ROUNDS, connections: CONNECTIONS, pool: Number(POOL) },
      cases,
      results,
    );
    await sleep(2_000);
    console.log(rss.stop());
  } finally {
    for (const child of children) child.kill('SIGTERM');
    await Promise.all(
      children.map(
        (child) => new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once('exit', resolve))),
      ),
    );
    await store.close();
  }
}

function allCases(store: FloorStore, appId: string, seed: Seed): Case[] {
  let createTurn = 0;
  const hot = new Map<string, string>();
  const addition = (key: string, label: string, service: Case['service'], rooms: number): Case => ({
    key,
    label,
    service,
    async prepare(side, round) {
      const ids = await store.makeRooms(
        appId,
        Array.from({ length: rooms }, () => ({ owner: 'owner', members: [] })),
        1_000_000,
      );
      let next = 0;
      return {
        requests: [
          {
            method: 'POST',
            setupRequest: (request) => {
              const i = next++;
              return {
                ...request,
                path: `${new URL(side.base).pathname}/chatrooms/${ids[i % rooms]}/users/u${i % ADD_USERS}`,
              };
            },
          },
        ],
      };
    },
  });
  return [
    {
      key: 'details',
      label: 'GET /chatrooms/{id} (21 affiliations)',
      service: 'service',
      prepare: async (side) => ({ url: `${side.base}/chatrooms/${seed.detailsRoom}` }),
    },
    {
      key: 'list',
      label: 'GET /chatrooms?limit=10',
      service: 'service',
      prepare: async (side) => ({ url: `${side.base}/chatrooms?limit=10` }),
    },
    {
      key: 'create',
      label: 'POST /chatrooms (240 owners in turn)',
      service: 'service',
      prepare: async (side) => ({
        url: `${side.base}/chatrooms`,
        requests: [
          {
            method: 'POST',
            setupRequest: (request) => ({
              ...request,
              body: JSON.stringify({ name: 'bench', description: 'd', owner: `owner${createTurn++ % 240}` }),
            }),
          },
        ],
      }),
    },
    addition('hot-nc', 'hot room, single additions, no coalescing', 'uncoalesced', 1),
    addition('hot', 'hot room, single additions', 'service', 1),
    addition('spread', 'single additions over 1,000 rooms', 'service', SPREAD_ROOMS),
    {
      key: 'transfer',
      label: 'PUT /chatrooms/{id} newowner (1,000 rooms in turn)',
      service: 'service',
      async prepare(side) {
        let next = 0;
        return {
          requests: [
            {
              method: 'PUT',
              setupRequest: (request) => {
                const room = seed.transferRooms[next++ % seed.transferRooms.length]!;
                [room.owner, room.other] = [room.other, room.owner];
                return {
                  ...request,
                  path: `${new URL(side.base).pathname}/chatrooms/${room.id}`,
                  body: JSON.stringify({ newowner: room.owner }),
                };
              },
            },
          ],
        };
      },
    },
    {
      key: 'dissolve',
      label: `DELETE /chatrooms/{id} (${DISSOLVE_ROOMS.toLocaleString('en')} rooms of 2, in turn)`,
      service: 'service',
      async prepare(side) {
        const ids = await store.makeRooms(
          appId,
          Array.from({ length: DISSOLVE_ROOMS }, (_, i) => ({ owner: 'owner', members: [`u${i % ADD_USERS}`] })),
          1000,
        );
        let next = 0;
        return {
          requests: [
            {
              method: 'DELETE',
              setupRequest: (request) => ({
                ...request,
                path: `${new URL(side.base).pathname}/chatrooms/${ids[next++ % ids.length]}`,
              }),
            },
          ],
        };
      },
    },
    {
      key: 'remove',
      label: `DELETE /chatrooms/{id}/users/{u} (${REMOVAL_ROOMS.toLocaleString('en')} rooms, ${REMOVAL_MEMBERS} members each)`,
      service: 'service',
      async prepare(side) {
        const members = Array.from({ length: REMOVAL_MEMBERS }, (_, i) => `m${i}`);
        const ids = await store.makeRooms(
          appId,
          Array.from({ length: REMOVAL_ROOMS }, () => ({ owner: 'owner', members })),
          1000,
        );
        let next = 0;
        return {
          requests: [
            {
              method: 'DELETE',
              setupRequest: (request) => {
                const i = next++;
                const member = members[Math.floor(i / REMOVAL_ROOMS) % REMOVAL_MEMBERS];
                return {
                  ...request,
                  path: `${new URL(side.base).pathname}/chatrooms/${ids[i % REMOVAL_ROOMS]}/users/${member}`,
                };
              },
            },
          ],
        };
      },
    },
    {
      key: 'mute',
      label: 'POST /chatrooms/{id}/mute one member (1,000 rooms in turn)',
      service: 'service',
      prepare: async (side) => {
        let next = 0;
        return {
          requests: [
            {
              method: 'POST',
              setupRequest: (request) => {
                const room = seed.transferRooms[next++ % seed.transferRooms.length]!;
                return {
                  ...request,
                  path: `${new URL(side.base).pathname}/chatrooms/${room.id}/mute`,
                  body: JSON.stringify({ usernames: [room.other], mute_duration: 60_000 }),
                };
              },
            },
          ],
        };
      },
    },
    {
      key: 'join10k',
      label: `${JOINERS.toLocaleString('en')} users join one room from ${JOIN_CLIENTS} clients`,
      service: 'service',
      async prepare(side, round) {
        const [id] = await store.makeRooms(appId, [{ owner: 'owner', members: [] }], 1_000_000);
        hot.set(`${side.base}#${round}`, id!);
        let next = 0;
        return {
          connections: JOIN_CLIENTS,
          amount: JOINERS,
          requests: [
            {
              method: 'POST',
              setupRequest: (request) => ({
                ...request,
                path: `${new URL(side.base).pathname}/chatrooms/${id}/users/u${next++}`,
              }),
            },
          ],
        };
      },
      async verify(side, round) {
        const id = hot.get(`${side.base}#${round}`);
        const { n, counted } = await store.countMembers(appId, id!);
        if (n !== JOINERS + 1 || counted !== n)
          throw new Error(`join10k on ${side.name}: ${n} members, member_count ${counted}`);
      },
    },
  ];
}

/**
 * The resident set of the service process (the coalescing one, which serves every case but the
 * uncoalesced hot room), from /proc: idle before the first case, the peak sampled every 250 ms
 * while the cases ran, and after them (2 s after the last).
 */
class RssSampler {
  private idle = 0;
  private peak = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly pid: number) {}

  start(): void {
    this.idle = this.read();
    this.peak = this.idle;
    this.timer = setInterval(() => (this.peak = Math.max(this.peak, this.read())), 250);
  }

  stop(): string {
    clearInterval(this.timer);
    const after = this.read();
    this.peak = Math.max(this.peak, after);
    const mb = (kb: number) => `${(kb / 1024).toFixed(0)} MB`;
    return `service RSS: idle ${mb(this.idle)}, peak ${mb(this.peak)}, after ${mb(after)}`;
  }

  /** VmRSS in kB. */
  private read(): number {
    const status = readFileSync(`/proc/${this.pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  }
}

async function run(c: Case, side: Side, round: number): Promise<Measure> {
  const options = await c.prepare(side, round);
  const started = performance.now();
  const r = await autocannon({
    url: side.base,
    connections: CONNECTIONS,
    duration: DURATION,
    headers: side.headers,
    ...options,
  });
  const seconds = (performance.now() - started) / 1000;
  if (r.non2xx + r.errors > 0)
    console.log(`  ${c.key} on ${side.name}: status codes ${JSON.stringify(r.statusCodeStats)}, errors ${r.errors}`);
  await c.verify?.(side, round);
  return {
    rps: c.verify ? JOINERS / seconds : r.requests.total / r.duration,
    p50: r.latency.p50,
    p99: r.latency.p99,
    non2xx: r.non2xx + r.errors,
    ...(c.verify && { seconds }),
  };
}

async function start(
  children: ChildProcess[],
  args: string[],
  cwd: string,
  env: Record<string, string>,
  port: number,
  readyPath: string | null,
): Promise<void> {
  const child = spawn(process.execPath, args, {
    cwd,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  children.push(child);
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`${args.join(' ')} exited with ${child.exitCode}`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}${readyPath ?? '/'}`);
      if (readyPath === null || response.ok) return;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  throw new Error(`${args.join(' ')} did not become ready on port ${port}`);
}

async function post(url: string, headers: Record<string, string>, body: unknown): Promise<any> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  const parsed = (await response.json()) as any;
  if (!response.ok) throw new Error(`POST ${url}: ${JSON.stringify(parsed)}`);
  return parsed;
}

await main();
