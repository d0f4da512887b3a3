/**
 * The console's room list and search on a million rooms, beside the Easemob API's room list
 * (the floor: the same keyset range the console's unfiltered list reads), in the same run.
 * Not a timed test: it prints figures for docs/console.md.
 *
 *   npm run bench:console-rooms -w @chatroom/tools          # DATABASE_URL, default the local server
 *   ROOMS=100000 npm run bench:console-rooms -w @chatroom/tools
 *
 * Creates its own database on the server of DATABASE_URL, and drops it at the end. The rooms
 * are those of bench:adapter (`room <seq>`, owned by user1 … user10000 in turn).
 */
import { DEFAULT_APP_SETTINGS, encodeCursor, ListChatrooms, SearchRooms, type App } from '@chatroom/domain';
import { openPostgresAdapter, type PostgresAdapter } from '@chatroom/postgres-adapter';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { median } from './timing.js';

const SERVER_URL = process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const ROOMS = Number(process.env['ROOMS'] ?? 1_000_000);
const SAMPLES = Number(process.env['SAMPLES'] ?? 100);
const LIMIT = 20;
const benchDb = `chatroom_console_bench_${process.pid}`;

async function main(): Promise<void> {
  await admin(`CREATE DATABASE ${benchDb}`);
  const url = new URL(SERVER_URL);
  url.pathname = `/${benchDb}`;
  const client = new pg.Client({ connectionString: url.toString() });
  let adapter: PostgresAdapter | undefined;
  try {
    adapter = await openPostgresAdapter({ databaseUrl: url.toString(), poolSize: 4 });
    await client.connect();
    const { version } = (await client.query<{ version: string }>('SELECT version()')).rows[0]!;
    console.log(
      `server: ${version.split(' on ')[0]}; node ${process.version}; ${SAMPLES} samples each, limit ${LIMIT}`,
    );
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
    const started = performance.now();
    await client.query(
      `INSERT INTO rooms (app_id, id, seq, name, description, max_users, owner, custom, created, member_count)
       SELECT $1, s::text, s, 'room ' || s, '', 1000, 'user' || (1 + s % 10000), '', 0, 1
       FROM (SELECT nextval('room_seq') AS s FROM generate_series(1, $2)) AS seqs`,
      [app.id, ROOMS],
    );
    await client.query('VACUUM ANALYZE rooms');
    console.log(`seeded ${ROOMS.toLocaleString('en')} rooms in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    await measure(adapter, app, client);
  } finally {
    await adapter?.close();
    await client.end().catch(() => {});
    await admin(`DROP DATABASE IF EXISTS ${benchDb} WITH (FORCE)`);
  }
}

async function measure(adapter: PostgresAdapter, app: App, client: pg.Client): Promise<void> {
  const floor = new ListChatrooms({ uow: adapter.uow });
  const search = new SearchRooms({ uow: adapter.uow, queries: adapter.consoleQueries });
  const { rows } = await client.query<{ seq: number }>('SELECT min(seq)::float8 AS seq FROM rooms');
  const deep = encodeCursor(rows[0]!.seq + 100);
  // Room ids and names come from room_seq, which starts at 100000000000001: a name is `room <seq>`.
  const first = rows[0]!.seq;
  const some = String(first + 424_242).slice(0, -1); // its 10 rooms
  const tenth = String(first + ROOMS - 1)
    .slice(0, -1)
    .replace(/\d{5}$/, ''); // the newest ~10 % (by name)
  const all = String(first).slice(0, 6); // every room
  const cases: [string, () => Promise<{ rooms: unknown[] }>][] = [
    ['floor: Easemob room list, first page', () => floor.execute(app, { limit: LIMIT })],
    [
      `floor: Easemob room list, ${(ROOMS - 100).toLocaleString('en')} rooms deep`,
      () => floor.execute(app, { limit: LIMIT, cursor: deep }),
    ],
    ['console: rooms, first page', () => search.execute(app, { limit: LIMIT })],
    [
      `console: rooms, ${(ROOMS - 100).toLocaleString('en')} rooms deep`,
      () => search.execute(app, { limit: LIMIT, cursor: deep }),
    ],
    ['console: by id', () => search.execute(app, { id: String(first + ROOMS / 2) })],
    [
      `console: name prefix "room ${some}" (10 rooms)`,
      () => search.execute(app, { limit: LIMIT, namePrefix: `room ${some}` }),
    ],
    [`console: name prefix "room ${tenth}"`, () => search.execute(app, { limit: LIMIT, namePrefix: `room ${tenth}` })],
    [
      `console: name prefix "room ${all}" (every room)`,
      () => search.execute(app, { limit: LIMIT, namePrefix: `room ${all}` }),
    ],
    ['console: name prefix "nothing" (no room)', () => search.execute(app, { limit: LIMIT, namePrefix: 'nothing' })],
    [
      `console: owner user42 (${Math.round(ROOMS / 10_000)} rooms)`,
      () => search.execute(app, { limit: LIMIT, owner: 'user42' }),
    ],
    [
      `console: owner user42 and name prefix "room ${all}"`,
      () => search.execute(app, { limit: LIMIT, owner: 'user42', namePrefix: `room ${all}` }),
    ],
  ];
  for (const [label, run] of cases) {
    const found = (await run()).rooms.length;
    const ms = await median(run, SAMPLES);
    console.log(`${label}: ${ms.toFixed(2)} ms median (${found} rooms)`);
  }
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

await main();
