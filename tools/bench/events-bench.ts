/**
 * Events out: the write path with the outbox and one webhook rule
 * (delivered by the service's worker to a real receiver on 127.0.0.1) against the same writes
 * with no rule, alternating A/B rounds on one database; the delivery latency commit → receiver;
 * and a floor: bare transactions with and without the outbox's one INSERT statement.
 * Not a timed test: it prints figures for docs/performance.md.
 *
 *   npm run bench:events -w @chatroom/tools        # TEST_DATABASE_URL, default the local server
 *   ROUNDS=3 ADDS=6000 CONCURRENCY=16 npm run bench:events -w @chatroom/tools
 */
import { SystemClock } from '@chatroom/crypto-adapter';
import { AddMembers, CreateChatroom, type App, type UnitOfWork } from '@chatroom/domain';
import {
  createContainer,
  loadConfig,
  startService,
  TOKENS,
  type Database,
  type RunningService,
} from '@chatroom/http-api';
import { createTestDatabase } from '@chatroom/postgres-adapter/testing';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { randomUUID } from 'node:crypto';
import { BENCH_MASTER_KEY, BENCH_METRICS_TOKEN } from './bench-server.js';
import pg from 'pg';
import { throughput, type Throughput } from './timing.js';
import { CpuMeter } from './proc-cpu.js';

const CONCURRENCY = Number(process.env['CONCURRENCY'] ?? 16);
const ROUNDS = Number(process.env['ROUNDS'] ?? 3);
const ADDS = Number(process.env['ADDS'] ?? 6_000);
const CREATES = Number(process.env['CREATES'] ?? 1_500);
const ROOMS = 500;
// Either alone, for a profile of one mode (then only its figures mean anything).
const MODES = (process.env['MODES'] ?? 'none,rule').split(',') as ('none' | 'rule')[];
const ORG = 'bench';
const APP_NAME = 'events';

async function main(): Promise<void> {
  process.env['TEST_DATABASE_URL'] ??= 'postgres://postgres@127.0.0.1:5432/postgres';
  const db = await createTestDatabase();
  if (!db) throw new Error('no PostgreSQL server');
  const client = new pg.Client({ connectionString: db.url });
  // The receiver is another process, as it would be: its work is not the service's.
  const receiver = spawn(process.execPath, ['-e', RECEIVER], { stdio: ['pipe', 'pipe', 'inherit'] });
  let output = '';
  receiver.stdout!.on('data', (c) => (output += c));
  let service: RunningService | undefined;
  try {
    const port = await new Promise<number>((resolve) =>
      receiver.stdout!.once('data', (c) => resolve(Number(String(c).trim()))),
    );
    // The writes run through the service's own store, as its requests' would: each commit
    // wakes its delivery worker, which shares this process and the pool with them.
    const container = createContainer(
      loadConfig({
        DATABASE_URL: db.url,
        PORT: '0',
        HOST: '127.0.0.1',
        LOG_LEVEL: 'silent',
        DB_POOL_SIZE: String(CONCURRENCY + 2),
        BOOTSTRAP_ORG: ORG,
        BOOTSTRAP_APP: APP_NAME,
        BOOTSTRAP_CLIENT_ID: 'bench',
        BOOTSTRAP_CLIENT_SECRET: 'bench-secret',
        TOKEN_MASTER_KEY: BENCH_MASTER_KEY,
        METRICS_TOKEN: BENCH_METRICS_TOKEN,
        // The bench's receiver listens on 127.0.0.1.
        WEBHOOK_ALLOW_PRIVATE: 'true',
        ...(process.env['EVENT_GATHER_MS'] && { EVENT_GATHER_MS: process.env['EVENT_GATHER_MS'] }),
      }),
    );
    service = await startService(container);
    const database = await container.getAsync<Database>(TOKENS.Database);
    const uow = container.get<UnitOfWork>(TOKENS.UnitOfWork);
    const rules = database.eventRules!;
    await client.connect();
    const { version } = (await client.query<{ version: string }>('SELECT version()')).rows[0]!;
    console.log(
      `server: ${version.split(' on ')[0]}; ${CONCURRENCY} calls in flight, pool ${CONCURRENCY}; node ${process.version}`,
    );
    const app = (await uow.read((r) => r.apps.findByName(ORG, APP_NAME)))!;
    const url = `http://127.0.0.1:${port}/cb`;

    const results: Record<
      'none' | 'rule',
      { adds: Throughput[]; creates: Throughput[]; cpu: Record<CpuGroup, number> }
    > = {
      none: { adds: [], creates: [], cpu: { node: 0, postgres: 0, receiver: 0 } },
      rule: { adds: [], creates: [], cpu: { node: 0, postgres: 0, receiver: 0 } },
    };
    // CPU of this process (writes + the service's worker), of this database's backends, and of
    // the receiver: a cost per write that a busy machine does not blur, unlike the rates.
    const dbName = new URL(db.url).pathname.slice(1);
    const meter = () =>
      new CpuMeter<CpuGroup>({
        node: (pid) => pid === process.pid,
        postgres: (_pid, cmdline) => cmdline.startsWith('postgres: ') && cmdline.includes(` ${dbName} `),
        receiver: (pid) => pid === receiver.pid,
      });
    let ruleId: string | undefined;
    for (let round = 0; round < ROUNDS; round++) {
      for (const mode of MODES) {
        if (mode === 'rule') {
          ruleId = randomUUID();
          await rules.add({
            id: ruleId,
            appId: app.id,
            kind: 'webhook',
            target: url,
            secret: 's',
            operations: null,
            created: Date.now(),
          });
        }
        const tag = `${mode}${round}`;
        await seedUsers(client, app, tag, Math.max(ADDS, CREATES, ROOMS));
        const running = meter();
        results[mode].adds.push(await adds(uow, app, tag));
        results[mode].creates.push(await creates(uow, app, tag));
        if (mode === 'rule') await drained(client);
        for (const [group, seconds] of Object.entries(running.stop()) as [CpuGroup, number][])
          results[mode].cpu[group] += seconds;
        if (mode === 'rule') await rules.remove(ruleId!);
      }
    }
    const best = (xs: Throughput[]) => xs.reduce((a, b) => (b.rate > a.rate ? b : a));
    const median = (xs: Throughput[]) => [...xs].sort((a, b) => a.rate - b.rate)[Math.floor((xs.length - 1) / 2)]!.rate;
    for (const [label, key] of [
      ['AddMembers one by one, spread over 500 rooms', 'adds'],
      ['CreateChatroom (owner + 1 member)', 'creates'],
    ] as const) {
      const none = best(results.none[key]);
      const rule = best(results.rule[key]);
      console.log(
        `${label}: no rule ${fmt(none)} | one webhook rule ${fmt(rule)} | rule/none ${(rule.rate / none.rate).toFixed(3)} (best of ${ROUNDS} alternating rounds; medians ${(median(results.rule[key]) / median(results.none[key])).toFixed(3)}; all: none ${results.none[key].map((t) => t.rate.toFixed(0)).join('/')}, rule ${results.rule[key].map((t) => t.rate.toFixed(0)).join('/')})`,
      );
    }
    const writes = ROUNDS * (ADDS + CREATES);
    const perWrite = (mode: 'none' | 'rule') =>
      [results[mode].cpu.node, results[mode].cpu.postgres, results[mode].cpu.receiver].map(
        (seconds) => (seconds * 1000) / writes,
      );
    const [nodeNone, pgNone] = perWrite('none');
    const [nodeRule, pgRule, receiverRule] = perWrite('rule');
    console.log(
      `CPU per write (ms; ${ADDS} adds + ${CREATES} creates per round, deliveries drained): no rule node ${nodeNone!.toFixed(2)} + PostgreSQL ${pgNone!.toFixed(2)} = ${(nodeNone! + pgNone!).toFixed(2)} | one webhook rule node ${nodeRule!.toFixed(2)} + PostgreSQL ${pgRule!.toFixed(2)} (+ receiver ${receiverRule!.toFixed(2)}) = ${(nodeRule! + pgRule!).toFixed(2)} | rule/none ${((nodeRule! + pgRule!) / (nodeNone! + pgNone!)).toFixed(3)}`,
    );
    const latencies = await stopReceiver(receiver, () => output);
    latencies.sort((a, b) => a - b);
    const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * q))]!;
    console.log(
      `delivery commit → receiver under that load (${latencies.length.toLocaleString('en')} events): p50 ${at(0.5)} ms, p99 ${at(0.99)} ms`,
    );
    await floor(db.url);
  } finally {
    await service?.close();
    await client.end().catch(() => {});
    if (receiver.exitCode === null) receiver.kill();
    await db.drop();
  }
}

async function seedUsers(client: pg.Client, app: App, tag: string, count: number): Promise<void> {
  await client.query(
    `INSERT INTO users (app_id, username, uuid, password_hash, created, modified)
     SELECT $1, $2 || i, gen_random_uuid(), 'x', 0, 0 FROM generate_series(0, $3::int) AS i`,
    [app.id, `${tag}u`, count],
  );
  await client.query('ANALYZE users');
}

async function adds(uow: UnitOfWork, app: App, tag: string): Promise<Throughput> {
  const create = new CreateChatroom({ uow, clock: new SystemClock() });
  const rooms: string[] = [];
  for (let i = 0; i < ROOMS; i++)
    rooms.push((await create.execute(app, { name: 'b', description: '', owner: `${tag}u${i}` })).id);
  const add = new AddMembers({ uow });
  return throughput(ADDS, CONCURRENCY, (i) => add.execute(app, rooms[i % ROOMS]!, [`${tag}u${i}`]));
}

function creates(uow: UnitOfWork, app: App, tag: string): Promise<Throughput> {
  const create = new CreateChatroom({ uow, clock: new SystemClock() });
  return throughput(CREATES, CONCURRENCY, (i) =>
    create.execute(app, { name: 'b', description: '', owner: `${tag}u${i}`, members: [`${tag}u${(i + 1) % CREATES}`] }),
  );
}

/** Waits until the worker has delivered everything queued. */
async function drained(client: pg.Client): Promise<void> {
  for (;;) {
    const { rows } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM event_deliveries`);
    if (rows[0]!.n === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * The outbox statement alone, on a bare pg pool: a writing transaction (one INSERT into a
 * scratch table, so each commit flushes WAL as a real unit's does) against the same with the
 * outbox's events-and-deliveries statement added (to one rule, as in the "rule" rounds).
 */
async function floor(url: string): Promise<void> {
  const pool = new pg.Pool({ connectionString: url, max: CONCURRENCY });
  const appId = (await pool.query<{ id: string }>('SELECT id FROM apps LIMIT 1')).rows[0]!.id;
  await pool.query('CREATE TABLE floor_writes (id bigserial PRIMARY KEY, v int NOT NULL)');
  const ruleId = randomUUID();
  await pool.query(
    `INSERT INTO event_rules (id, app_id, kind, target, secret, created) VALUES ($1, $2, 'webhook', 'http://127.0.0.1:9/', 's', 0)`,
    [ruleId, appId],
  );
  const tx = async (statements: [string, unknown[]][]) => {
    const c = await pool.connect();
    try {
      await c.query('BEGIN');
      for (const [text, params] of statements) await c.query(text, params);
      await c.query('COMMIT');
    } finally {
      c.release();
    }
  };
  const write: [string, unknown[]] = ['INSERT INTO floor_writes (v) VALUES (1)', []];
  const outbox: [string, unknown[]] = [
    `WITH ev AS (
      INSERT INTO room_events (app_id, org, app, room_id, operation, operator, payload, created_at)
      VALUES ($1, 'bench', 'events', 'floor', 'JOIN', '@ppAdmin', '{"member":["x"],"type":"DIRECT"}'::jsonb, (extract(epoch from clock_timestamp()) * 1000)::bigint)
      RETURNING seq, app_id, room_id, operation, created_at)
    INSERT INTO event_deliveries (rule_id, event_seq, room_id, next_at)
    SELECT r.id, ev.seq, ev.room_id, ev.created_at FROM ev JOIN event_rules r ON r.app_id = ev.app_id`,
    [appId],
  ];
  const bare = await throughput(5_000, CONCURRENCY, () => tx([write]));
  const withOutbox = await throughput(5_000, CONCURRENCY, () => tx([write, outbox]));
  console.log(
    `floor, bare transactions (pg pool): BEGIN; INSERT; COMMIT ${fmt(bare)} | BEGIN; INSERT; outbox statement; COMMIT ${fmt(withOutbox)} | outbox statement ≈ ${(withOutbox.p50 - bare.p50).toFixed(2)} ms at p50`,
  );
  await pool.query('DELETE FROM event_deliveries WHERE rule_id = $1', [ruleId]);
  await pool.end();
}

/** Answers 200 at once; prints its port, then, when stdin closes, each event's commit → receipt in ms. */
const RECEIVER = `
const lat = [];
const server = require('node:http').createServer((req, res) => {
  let raw = '';
  req.on('data', (c) => (raw += c));
  req.on('end', () => { lat.push(Date.now() - JSON.parse(raw).timestamp); res.writeHead(200).end(); });
});
server.listen(0, '127.0.0.1', () => console.log(server.address().port));
process.stdin.on('end', () => { process.stdout.write(JSON.stringify(lat) + '\\n', () => process.exit(0)); });
process.stdin.resume();
`;

async function stopReceiver(receiver: ChildProcess, output: () => string): Promise<number[]> {
  receiver.stdin!.end();
  await once(receiver, 'exit');
  const lines = output().trim().split('\n');
  return JSON.parse(lines[lines.length - 1]!) as number[];
}

type CpuGroup = 'node' | 'postgres' | 'receiver';

const fmt = (t: Throughput) => `${t.rate.toFixed(0)}/s (p50 ${t.p50.toFixed(1)} ms, p99 ${t.p99.toFixed(1)} ms)`;

await main();
