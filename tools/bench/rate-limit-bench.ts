/**
 * What the shared rate limit costs per request: `GET /chatrooms/{id}` of an app
 * whose limit is off against the same request of an app limited to 1,000,000/s (never refused,
 * so every request pays the PostgreSQL check), through one real server process, alternating
 * off/on phases in the same run. The floor: the limiter's check alone (one upsert on the
 * UNLOGGED table), one at a time and 16 in flight.
 *
 *   npm run bench:rate-limit -w @chatroom/tools          # TEST_DATABASE_URL, default the local server
 *   DURATION=10 CONNECTIONS=50 ROUNDS=2 npm run bench:rate-limit -w @chatroom/tools
 *
 * Creates its own database, starts the service in a child process (bench-server.ts), and drops
 * the database at the end.
 */
import {
  AesGcmKeySealer,
  NodeRandom,
  parseMasterKey,
  ScryptCredentialHasher,
  SystemClock,
} from '@chatroom/crypto-adapter';
import { EnsureApp } from '@chatroom/domain';
import { postgresBudgets } from '@chatroom/http-api';
import { openPostgresAdapter, RATE_LIMITS_TABLE } from '@chatroom/postgres-adapter';
import { createTestDatabase } from '@chatroom/postgres-adapter/testing';
import autocannon from 'autocannon';
import { BENCH_MASTER_KEY, BENCH_METRICS_TOKEN, sendJson, spawnBenchServer } from './bench-server.js';
import { throughput } from './timing.js';

const DURATION = Number(process.env['DURATION'] ?? 8);
const CONNECTIONS = Number(process.env['CONNECTIONS'] ?? 50);
const ROUNDS = Number(process.env['ROUNDS'] ?? 2);
const CHECKS = Number(process.env['CHECKS'] ?? 5_000);
/** The paced phase: a steady rate well below saturation, where latency shows the check's own cost. */
const PACED_RATE = Number(process.env['PACED_RATE'] ?? 100);
const PORT = process.env['PORT'] ?? '18510';
const BASE = `http://127.0.0.1:${PORT}`;

async function main(): Promise<void> {
  process.env['TEST_DATABASE_URL'] ??= 'postgres://postgres@127.0.0.1:5432/postgres';
  const db = await createTestDatabase();
  if (!db) throw new Error('no PostgreSQL server');
  const server = await spawnBenchServer(PORT, {
    DATABASE_URL: db.url,
    DB_POOL_SIZE: '20',
    BOOTSTRAP_ORG: 'bench',
    BOOTSTRAP_APP: 'off',
    BOOTSTRAP_CLIENT_ID: 'off',
    BOOTSTRAP_CLIENT_SECRET: 'off-secret',
  });
  const budgets = postgresBudgets({
    databaseUrl: db.url,
    tableName: RATE_LIMITS_TABLE,
    timeoutMs: 1_000,
    onStoreFailure: (error) => {
      throw error;
    },
  });
  try {
    // The second app, limited far above what the machine can send: the check runs, never refuses.
    const adapter = await openPostgresAdapter({ databaseUrl: db.url, poolSize: 1 });
    await new EnsureApp({
      uow: adapter.uow,
      secretHasher: new ScryptCredentialHasher(),
      sealer: new AesGcmKeySealer(parseMasterKey(BENCH_MASTER_KEY)!),
      random: new NodeRandom(),
      clock: new SystemClock(),
    }).execute({
      org: 'bench',
      name: 'on',
      clientId: 'on',
      clientSecret: 'on-secret',
      settings: { rateLimit: { perSecond: 1_000_000 } },
    });
    await adapter.close();
    const off = await roomOf('off');
    const on = await roomOf('on');

    console.log(
      `node ${process.version}; ${CONNECTIONS} connections, ${DURATION}s per phase, ${ROUNDS} rounds; pg pool 20`,
    );
    const rates: Record<'off' | 'on', number[]> = { off: [], on: [] };
    for (let round = 1; round <= ROUNDS; round++) {
      for (const [label, target] of [
        ['off', off],
        ['on', on],
      ] as const) {
        const result = await autocannon({
          url: target.url,
          connections: CONNECTIONS,
          duration: DURATION,
          headers: target.headers,
        });
        rates[label].push(result.requests.average);
        console.log(
          `round ${round}, limit ${label === 'off' ? 'off' : '1,000,000/s (checked)'}: GET /chatrooms/{id} ` +
            `${Math.round(result.requests.average)} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, ` +
            `non-2xx ${result.non2xx}, errors ${result.errors}`,
        );
      }
    }
    for (const [label, target] of [
      ['off', off],
      ['on', on],
      ['off', off],
      ['on', on],
    ] as const) {
      const result = await autocannon({
        url: target.url,
        connections: 10,
        overallRate: PACED_RATE,
        duration: DURATION,
        headers: target.headers,
      });
      console.log(
        `paced ${PACED_RATE} req/s, limit ${label}: p50 ${result.latency.p50} ms, mean ${result.latency.average.toFixed(2)} ms, ` +
          `p99 ${result.latency.p99} ms, non-2xx ${result.non2xx}`,
      );
    }
    const scraped = await (
      await fetch(`${BASE}/metrics`, { headers: { authorization: `Bearer ${BENCH_METRICS_TOKEN}` } })
    ).text();
    console.log(
      `server: ${/^rate_limit_store_failures_total .*$/m.exec(scraped)?.[0] ?? 'no failure counter'} (checks decided in-process)`,
    );
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const offRate = mean(rates.off);
    const onRate = mean(rates.on);
    console.log(
      `mean: off ${Math.round(offRate)} req/s, on ${Math.round(onRate)} req/s ` +
        `(${(((onRate - offRate) / offRate) * 100).toFixed(1)} %); per request at saturation ` +
        `${((1 / onRate - 1 / offRate) * 1e6).toFixed(0)} µs of the machine's time`,
    );

    // Floor: the check alone, through the same store code.
    let key = 0;
    const single = await throughput(CHECKS, 1, () => budgets.consume(`bench:${key++ % 100}`, 1_000_000));
    console.log(
      `limiter check alone, one at a time: p50 ${(single.p50 * 1000).toFixed(0)} µs, p99 ${(single.p99 * 1000).toFixed(0)} µs (${Math.round(single.rate)}/s)`,
    );
    const parallel = await throughput(CHECKS * 2, 16, () => budgets.consume(`bench:${key++ % 100}`, 1_000_000));
    console.log(
      `limiter check alone, 16 in flight (pool of 8): ${Math.round(parallel.rate)} checks/s, p50 ${parallel.p50.toFixed(2)} ms, p99 ${parallel.p99.toFixed(2)} ms`,
    );
  } finally {
    await budgets.close?.();
    await server.stop();
    await db.drop();
  }
}

/** A token, a user and a room of 21 affiliations in app `name`: the URL and headers to GET it with. */
async function roomOf(name: 'off' | 'on') {
  const app = `${BASE}/bench/${name}`;
  const token = await sendJson(
    'POST',
    `${app}/token`,
    {},
    { grant_type: 'client_credentials', client_id: name, client_secret: `${name}-secret` },
  );
  const headers = { authorization: `Bearer ${token.access_token}`, 'content-type': 'application/json' };
  const members = Array.from({ length: 20 }, (_, i) => `m${i}`);
  await sendJson(
    'POST',
    `${app}/users`,
    headers,
    ['owner', ...members].map((username) => ({ username, password: 'pw' })),
  );
  const room = await sendJson('POST', `${app}/chatrooms`, headers, {
    name: 'r',
    description: 'd',
    owner: 'owner',
    members,
  });
  return { url: `${app}/chatrooms/${room.data.id}`, headers };
}

await main();
