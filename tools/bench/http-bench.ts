/**
 * Throughput of the HTTP API on PostgreSQL: `GET /chatrooms/{id}` and
 * `POST /chatrooms`, measured with autocannon against a real server process.
 *
 *   npm run bench:http -w @chatroom/tools               # TEST_DATABASE_URL, default the local server
 *   DURATION=20 CONNECTIONS=100 POOL=20 npm run bench:http -w @chatroom/tools
 *
 * Creates its own database, starts `apps/http-api/src/main.ts` in a child process (logs on,
 * written to /dev/null), and drops the database at the end.
 */
import { createTestDatabase } from '@chatroom/postgres-adapter/testing';
import autocannon from 'autocannon';
import { sendJson, spawnBenchServer } from './bench-server.js';

const DURATION = Number(process.env['DURATION'] ?? 10);
const CONNECTIONS = Number(process.env['CONNECTIONS'] ?? 50);
const POOL = process.env['POOL'] ?? '20';
const PORT = process.env['PORT'] ?? '18089';
const BASE = `http://127.0.0.1:${PORT}`;
const APP = `${BASE}/bench/chat`;

async function main(): Promise<void> {
  process.env['TEST_DATABASE_URL'] ??= 'postgres://postgres@127.0.0.1:5432/postgres';
  const db = await createTestDatabase();
  if (!db) throw new Error('no PostgreSQL server');
  const server = await spawnBenchServer(PORT, {
    DATABASE_URL: db.url,
    DB_POOL_SIZE: POOL,
    BOOTSTRAP_ORG: 'bench',
    BOOTSTRAP_APP: 'chat',
    BOOTSTRAP_CLIENT_ID: 'bench',
    BOOTSTRAP_CLIENT_SECRET: 'bench-secret',
    // The creates below all have one owner: lift the per-user and per-app caps out of the way.
    APP_JOINED_ROOM_CAP: '1000000000',
    APP_ROOM_QUOTA: '1000000000',
  });
  try {
    const token = await json('POST', '/token', undefined, {
      grant_type: 'client_credentials',
      client_id: 'bench',
      client_secret: 'bench-secret',
    });
    const auth = { authorization: `Bearer ${token.access_token}`, 'content-type': 'application/json' };
    const members = Array.from({ length: 20 }, (_, i) => `m${i}`);
    await json(
      'POST',
      '/users',
      auth,
      ['owner', ...members].map((username) => ({ username, password: 'pw' })),
    );
    const owners = Array.from({ length: 240 }, (_, i) => `owner${i}`);
    for (let i = 0; i < owners.length; i += 60) {
      await json(
        'POST',
        '/users',
        auth,
        owners.slice(i, i + 60).map((username) => ({ username, password: 'pw' })),
      );
    }
    const room = await json('POST', '/chatrooms', auth, { name: 'hot', description: 'd', owner: 'owner', members });
    const roomId = room.data.id as string;

    console.log(`node ${process.version}; ${CONNECTIONS} connections, ${DURATION}s each; pg pool ${POOL}`);
    let turn = 0;
    // One owner makes every create wait for the same joined-room counter row; many owners do not.
    const scenarios: [string, Partial<autocannon.Options>][] = [
      ['GET /chatrooms/{id} (21 affiliations)', { url: `${APP}/chatrooms/${roomId}` }],
      [
        'POST /chatrooms (owner only)',
        { method: 'POST', body: JSON.stringify({ name: 'bench', description: 'd', owner: 'owner' }) },
      ],
      [
        'POST /chatrooms (240 owners in turn)',
        {
          requests: [
            {
              method: 'POST',
              setupRequest: (request) => ({
                ...request,
                body: JSON.stringify({ name: 'bench', description: 'd', owner: owners[turn++ % owners.length] }),
              }),
            },
          ],
        },
      ],
      [
        'POST /chatrooms (owner + 5 members)',
        {
          method: 'POST',
          body: JSON.stringify({ name: 'bench', description: 'd', owner: 'owner', members: members.slice(0, 5) }),
        },
      ],
    ];
    for (const [label, options] of scenarios) {
      const result = await autocannon({
        url: `${APP}/chatrooms`,
        connections: CONNECTIONS,
        duration: DURATION,
        headers: auth,
        ...options,
      });
      report(label, result);
    }
  } finally {
    await server.stop();
    await db.drop();
  }
}

function json(method: string, path: string, headers: Record<string, string> | undefined, body: unknown) {
  return sendJson(method, `${APP}${path}`, headers ?? {}, body);
}

function report(label: string, r: autocannon.Result): void {
  console.log(
    `${label}: ${Math.round(r.requests.average)} req/s (${r.requests.total} in ${r.duration.toFixed(1)} s), ` +
      `latency p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, non-2xx ${r.non2xx}, errors ${r.errors}`,
  );
}

await main();
