/**
 * The compiled service as production runs it: start time to `/ready`, RSS idle and
 * after a minute of load, and `/token` latency for scrypt N = 2^15, 2^16, 2^17.
 *
 *   npm run build && npm run bench:prod -w @chatroom/tools      # TEST_DATABASE_URL, default the local server
 *   RUNS=5 LOAD_SECONDS=60 npm run bench:prod -w @chatroom/tools
 *
 * Every server is `node apps/http-api/dist/main.js` in a child process (the container command),
 * timed from spawn to the first 200 of `/ready` (polled every 10 ms). Creates its own
 * databases and data directories and removes them at the end.
 */
import { AesGcmKeySealer, ScryptCredentialHasher } from '@chatroom/crypto-adapter';
import { DEFAULT_APP_SETTINGS } from '@chatroom/domain';
import { openPostgresAdapter } from '@chatroom/postgres-adapter';
import { createTestDatabase } from '@chatroom/postgres-adapter/testing';
import autocannon from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

const RUNS = Number(process.env['RUNS'] ?? 3);
const LOAD_SECONDS = Number(process.env['LOAD_SECONDS'] ?? 60);
const TOKEN_REQUESTS = Number(process.env['TOKEN_REQUESTS'] ?? 20);
const PORT = process.env['PORT'] ?? '18150';
const BASE = `http://127.0.0.1:${PORT}`;
const MAIN = fileURLToPath(new URL('../../apps/http-api/dist/main.js', import.meta.url));
const MASTER_KEY = randomBytes(32);
const BOOTSTRAP = {
  BOOTSTRAP_ORG: 'bench',
  BOOTSTRAP_APP: 'chat',
  BOOTSTRAP_CLIENT_ID: 'bench',
  BOOTSTRAP_CLIENT_SECRET: 'bench-secret',
};

interface Started {
  readonly child: ChildProcess;
  readonly readyMs: number;
}

async function startServer(env: Record<string, string>): Promise<Started> {
  const started = performance.now();
  const child = spawn(process.execPath, [MAIN], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      PORT,
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      TOKEN_MASTER_KEY: MASTER_KEY.toString('hex'),
      METRICS_TOKEN: 'bench-metrics-token',
      ...env,
    },
  });
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${BASE}/ready`)).status === 200) return { child, readyMs: performance.now() - started };
    } catch {
      // not listening yet
    }
    await sleep(10);
  }
}

async function stop(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

async function rssMb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (x: number) => `${Math.round(x)} ms`;

async function startTimes(databaseUrl: string): Promise<void> {
  const pg: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const s = await startServer({ DATABASE_URL: databaseUrl, ...BOOTSTRAP });
    pg.push(s.readyMs);
    await stop(s.child);
  }
  const first: number[] = [];
  const warm: number[] = [];
  const rss: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const dir = await mkdtemp(join(tmpdir(), 'chatroom-bench-'));
    try {
      const a = await startServer({ DATA_DIR: dir });
      first.push(a.readyMs);
      await stop(a.child);
      const b = await startServer({ DATA_DIR: dir });
      warm.push(b.readyMs);
      await sleep(2000);
      rss.push(await rssMb(b.child.pid!));
      await stop(b.child);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
  console.log(`start to /ready, median of ${RUNS}: PostgreSQL ${ms(median(pg))} (${pg.map(ms).join(', ')})`);
  console.log(`  embedded, empty data dir ${ms(median(first))} (${first.map(ms).join(', ')})`);
  console.log(`  embedded, warm ${ms(median(warm))} (${warm.map(ms).join(', ')}); RSS idle ${median(rss)} MB`);
}

async function memoryUnderLoad(databaseUrl: string): Promise<void> {
  const s = await startServer({ DATABASE_URL: databaseUrl, DB_POOL_SIZE: '10', ...BOOTSTRAP });
  try {
    await sleep(2000);
    const idle = await rssMb(s.child.pid!);
    const token = await post('/bench/chat/token', undefined, {
      grant_type: 'client_credentials',
      client_id: 'bench',
      client_secret: 'bench-secret',
    });
    const auth = { authorization: `Bearer ${token.access_token}`, 'content-type': 'application/json' };
    await post(
      '/bench/chat/users',
      auth,
      Array.from({ length: 21 }, (_, i) => ({ username: `u${i}`, password: 'pw' })),
    );
    const room = await post('/bench/chat/chatrooms', auth, {
      name: 'r',
      description: 'd',
      owner: 'u0',
      members: Array.from({ length: 20 }, (_, i) => `u${i + 1}`),
    });
    let peak = idle;
    const sampler = setInterval(() => void rssMb(s.child.pid!).then((v) => (peak = Math.max(peak, v))), 500);
    const result = await autocannon({
      url: `${BASE}/bench/chat/chatrooms/${room.data.id}`,
      headers: auth,
      connections: 50,
      duration: LOAD_SECONDS,
    });
    clearInterval(sampler);
    const after = await rssMb(s.child.pid!);
    console.log(
      `RSS on PostgreSQL: idle ${idle} MB; after ${LOAD_SECONDS} s of GET /chatrooms/{id} (50 connections, ${Math.round(result.requests.average)} req/s) ${after} MB, peak ${peak} MB`,
    );
  } finally {
    await stop(s.child);
  }
}

async function tokenLatency(databaseUrl: string): Promise<void> {
  // Apps whose secrets were hashed with each N: the hash says its parameters, the service verifies any.
  const adapter = await openPostgresAdapter({ databaseUrl, poolSize: 2 });
  const sealer = new AesGcmKeySealer(MASTER_KEY);
  const exponents = [15, 16, 17];
  for (const e of exponents) {
    const hash = await new ScryptCredentialHasher({ N: 2 ** e, r: 8, p: 1 }).hash('secret');
    await adapter.uow.write(async (r) =>
      r.apps.upsert({
        id: randomUUID(),
        org: 'bench',
        name: `n${e}`,
        clientId: `n${e}`,
        clientSecretHash: hash,
        tokenKey: await sealer.seal(randomBytes(32).toString('base64url')),
        keyGeneration: 0,
        settings: DEFAULT_APP_SETTINGS,
        created: Date.now(),
      }),
    );
  }
  await adapter.close();
  const s = await startServer({ DATABASE_URL: databaseUrl });
  try {
    for (const e of exponents) {
      const body = { grant_type: 'client_credentials', client_id: `n${e}`, client_secret: 'secret' };
      await post(`/bench/n${e}/token`, undefined, body); // warm-up
      const times: number[] = [];
      for (let i = 0; i < TOKEN_REQUESTS; i++) {
        const t = performance.now();
        await post(`/bench/n${e}/token`, undefined, body);
        times.push(performance.now() - t);
      }
      const wrong = performance.now();
      const r = await fetch(`${BASE}/bench/n${e}/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ...body, client_id: 'nobody' }),
      });
      const wrongMs = performance.now() - wrong;
      console.log(
        `/token with scrypt N=2^${e}: p50 ${ms(median(times))}, max ${ms(Math.max(...times))} (${TOKEN_REQUESTS} one at a time); an unknown client id: ${r.status} in ${ms(wrongMs)}`,
      );
    }
  } finally {
    await stop(s.child);
  }
}

async function post(path: string, headers: Record<string, string> | undefined, body: unknown): Promise<any> {
  const response = await fetch(`${BASE}${path}`, {
    method: 'POST',
    headers: headers ?? { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (response.status !== 200) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return response.json();
}

async function main(): Promise<void> {
  process.env['TEST_DATABASE_URL'] ??= 'postgres://postgres@127.0.0.1:5432/postgres';
  const databases = await Promise.all([createTestDatabase(), createTestDatabase(), createTestDatabase()]);
  if (databases.some((d) => !d)) throw new Error('no PostgreSQL server');
  const [a, b, c] = databases.map((d) => d!) as [
    (typeof databases)[0] & object,
    (typeof databases)[0] & object,
    (typeof databases)[0] & object,
  ];
  console.log(`node ${process.version}; the compiled service (${MAIN})`);
  try {
    await startTimes(a.url);
    await tokenLatency(b.url);
    await memoryUnderLoad(c.url);
  } finally {
    await Promise.all(databases.map((d) => d!.drop()));
  }
}

await main();
