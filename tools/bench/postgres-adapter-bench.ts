/**
 * The PostgreSQL adapter on a million rooms. Not a timed test: it prints figures for
 * docs/performance.md.
 *
 *   npm run bench:adapter -w @chatroom/tools            # DATABASE_URL, default the local server
 *   ROOMS=100000 CONCURRENCY=32 npm run bench:adapter -w @chatroom/tools
 *
 * Creates its own database on the server of DATABASE_URL, and drops it at the end.
 */
import {
  DEFAULT_APP_SETTINGS,
  encodeCursor,
  GetChatroomDetails,
  ListChatrooms,
  type App,
  type UserId,
} from '@chatroom/domain';
import { openPostgresAdapter, type PostgresAdapter } from '@chatroom/postgres-adapter';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { median as medianOf, throughput } from './timing.js';

const SERVER_URL = process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const ROOMS = Number(process.env['ROOMS'] ?? 1_000_000);
const USERS = 20_000;
const CONCURRENCY = Number(process.env['CONCURRENCY'] ?? 16);
const HOT_ADDS = 8_000;
const SPREAD_ADDS = 20_000;
const SAMPLES = 200;

const benchDb = `chatroom_bench_${process.pid}`;

async function main(): Promise<void> {
  await admin(`CREATE DATABASE ${benchDb}`);
  const url = new URL(SERVER_URL);
  url.pathname = `/${benchDb}`;
  const client = new pg.Client({ connectionString: url.toString() });
  let adapter: PostgresAdapter | undefined;
  try {
    adapter = await openPostgresAdapter({ databaseUrl: url.toString(), poolSize: CONCURRENCY });
    await client.connect();
    const { version } = (await client.query<{ version: string }>('SELECT version()')).rows[0]!;
    console.log(`server: ${version.split(' on ')[0]}; pool ${CONCURRENCY}; node ${process.version}`);
    const app = await adapter.uow.write((r) =>
      r.apps.upsert({
        id: randomUUID(),
        org: 'bench',
        name: 'bench',
        clientId: 'bench',
        clientSecretHash: 'x',
        tokenKey: 'x',
        keyGeneration: 0,
        settings: { ...DEFAULT_APP_SETTINGS, roomQuota: ROOMS + 10_000 },
        created: Date.now(),
      }),
    );
    await seed(client, app);
    await measureList(adapter, app, client);
    await measureDetails(adapter, app, client);
    await measureAdds(adapter, app, client);
  } finally {
    await adapter?.close();
    await client.end().catch(() => {});
    await admin(`DROP DATABASE IF EXISTS ${benchDb} WITH (FORCE)`);
  }
}

/**
 * Set-based seeding, bypassing the adapter (one statement per table), with every guarded counter
 * set to its true value: each of the first 10,000 users owns ROOMS / 10,000 rooms.
 */
async function seed(client: pg.Client, app: App): Promise<void> {
  const started = performance.now();
  await client.query(
    `INSERT INTO users (app_id, username, uuid, password_hash, created, modified)
     SELECT $1, 'user' || i, gen_random_uuid(), 'x', 0, 0 FROM generate_series(1, $2) AS i`,
    [app.id, USERS],
  );
  await client.query(
    `INSERT INTO rooms (app_id, id, seq, name, description, max_users, owner, custom, created, member_count)
     SELECT $1, s::text, s, 'room ' || s, '', 1000, 'user' || (1 + s % 10000), '', 0, 1
     FROM (SELECT nextval('room_seq') AS s FROM generate_series(1, $2)) AS seqs`,
    [app.id, ROOMS],
  );
  await client.query(
    `INSERT INTO memberships (app_id, room_id, username, role)
     SELECT app_id, id, owner, 'owner' FROM rooms WHERE app_id = $1 ORDER BY seq`,
    [app.id],
  );
  await client.query(
    `UPDATE users u SET joined_count = c.n
     FROM (SELECT username, count(*) AS n FROM memberships WHERE app_id = $1 GROUP BY username) AS c
     WHERE u.app_id = $1 AND u.username = c.username`,
    [app.id],
  );
  await client.query('UPDATE apps SET room_count = $2 WHERE id = $1', [app.id, ROOMS]);
  await client.query('VACUUM ANALYZE');
  console.log(
    `seeded ${ROOMS.toLocaleString('en')} rooms, ${USERS.toLocaleString('en')} users in ${seconds(started)} s`,
  );
}

async function measureList(adapter: PostgresAdapter, app: App, client: pg.Client): Promise<void> {
  const list = new ListChatrooms({ uow: adapter.uow });
  const { rows } = await client.query<{ seq: number }>('SELECT min(seq)::float8 AS seq FROM rooms');
  // A cursor 100 rooms before the oldest: the page ROOMS - 100 rooms deep.
  const deepCursor = encodeCursor(rows[0]!.seq + 100);
  for (const limit of [10, 100]) {
    const first = await median(() => list.execute(app, { limit }));
    const deep = await median(() => list.execute(app, { limit, cursor: deepCursor }));
    const page = await list.execute(app, { limit, cursor: deepCursor });
    if (page.rooms.length !== limit) throw new Error(`deep page has ${page.rooms.length} rooms`);
    console.log(
      `list, limit ${limit}: first page ${ms(first)} ms, page ${(ROOMS - 100).toLocaleString('en')} rooms deep ${ms(deep)} ms (median of ${SAMPLES}); deep/first = ${(deep / first).toFixed(2)}`,
    );
  }
  // For scale only: what OFFSET paging, which we never use, costs at the same depth.
  const offset = await median(
    () =>
      client.query('SELECT id FROM rooms WHERE app_id = $1 ORDER BY seq DESC OFFSET $2 LIMIT 10', [
        app.id,
        ROOMS - 100,
      ]),
    5,
  );
  console.log(`  (for comparison, OFFSET ${(ROOMS - 100).toLocaleString('en')} LIMIT 10 takes ${ms(offset)} ms)`);
}

async function measureDetails(adapter: PostgresAdapter, app: App, client: pg.Client): Promise<void> {
  // 100 rooms spread over the whole table, each with its owner and 10 members.
  const { rows } = await client.query<{ id: string }>(
    'SELECT id FROM rooms WHERE app_id = $1 AND seq % $2 = 0 LIMIT 100',
    [app.id, Math.floor(ROOMS / 100)],
  );
  const ids = rows.map((r) => r.id);
  await adapter.uow.write(async (r) => {
    for (const [i, id] of ids.entries()) {
      const members = Array.from({ length: 10 }, (_, k) => `user${10_001 + ((i * 10 + k) % 9_000)}` as UserId);
      const added = await r.memberships.add(app.id, id, members, 'member', app.settings.joinedRoomCap);
      if (!added.ok) throw new Error(`seeding details: ${added.reason}`);
    }
  });
  const details = new GetChatroomDetails({ uow: adapter.uow });
  const got = await details.execute(app, ids);
  if (got.length !== 100 || got.some((d) => d.affiliations.length !== 11)) throw new Error('details are incomplete');
  const t = await median(() => details.execute(app, ids));
  console.log(`details of 100 rooms (11 affiliations each, 2 queries): ${ms(t)} ms (median of ${SAMPLES})`);
}

async function measureAdds(adapter: PostgresAdapter, app: App, client: pg.Client): Promise<void> {
  const hot = (
    await client.query<{ id: string }>('SELECT id FROM rooms WHERE app_id = $1 ORDER BY seq LIMIT 1', [app.id])
  ).rows[0]!.id;
  await client.query('UPDATE rooms SET max_users = 10000 WHERE app_id = $1 AND id = $2', [app.id, hot]);
  const addOne = (roomId: string, username: string) =>
    adapter.uow.write(async (r) => {
      const outcome = await r.memberships.add(
        app.id,
        roomId,
        [username as UserId],
        'member',
        app.settings.joinedRoomCap,
      );
      if (!outcome.ok) throw new Error(`refused: ${outcome.reason}`);
    });

  const { rate: hotRate } = await throughput(HOT_ADDS, CONCURRENCY, (i) => addOne(hot, `user${10_001 + i}`));
  console.log(
    `member additions, one hot room: ${hotRate.toFixed(0)}/s (${HOT_ADDS.toLocaleString('en')} adds, ${CONCURRENCY} in flight)`,
  );

  const rooms = (
    await client.query<{ id: string }>('SELECT id FROM rooms WHERE app_id = $1 ORDER BY seq DESC LIMIT 10000', [app.id])
  ).rows.map((r) => r.id);
  // Distinct (room, user) pairs: user u joins rooms u, u + 1000, … so no unit conflicts on a row.
  const { rate: spreadRate } = await throughput(SPREAD_ADDS, CONCURRENCY, (i) =>
    addOne(rooms[i % rooms.length]!, `user${10_001 + (Math.floor(i / 10) % 9_000)}`),
  );
  console.log(
    `member additions, spread over ${rooms.length.toLocaleString('en')} rooms: ${spreadRate.toFixed(0)}/s (${SPREAD_ADDS.toLocaleString('en')} adds, ${CONCURRENCY} in flight)`,
  );

  const { rows } = await client.query<{ bad: number }>(
    `SELECT count(*)::int AS bad FROM rooms r
     WHERE r.member_count <> (SELECT count(*) FROM memberships m WHERE m.app_id = r.app_id AND m.room_id = r.id)`,
  );
  console.log(`rooms whose member_count differs from the real count afterwards: ${rows[0]!.bad}`);
}

async function admin(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: SERVER_URL });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** Median of SAMPLES calls, or of `samples`. */
const median = (op: () => Promise<unknown>, samples = SAMPLES) => medianOf(op, samples);
const ms = (t: number) => t.toFixed(2);
const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(1);

await main();
