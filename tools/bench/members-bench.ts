/**
 * Members on PostgreSQL: additions one by one through the AddMembers
 * use case, to one hot room and spread over many rooms; the pages of a 10,000-member room; and
 * the details of that room, through the use case and over HTTP. Not a timed test: it prints
 * figures for docs/performance.md.
 *
 *   npm run bench:members -w @chatroom/tools            # TEST_DATABASE_URL, default the local server
 *   CONCURRENCY=32 SAMPLES=100 npm run bench:members -w @chatroom/tools
 *
 * Creates its own database, runs the HTTP service in this process on a free port (logs off),
 * and drops the database at the end.
 */
import { SystemClock } from '@chatroom/crypto-adapter';
import { AddMembers, CreateChatroom, GetChatroomDetails, ListMembers, type App } from '@chatroom/domain';
import type { PostgresAdapter } from '@chatroom/postgres-adapter';
import type pg from 'pg';
import { openBenchStore } from './bench-store.js';
import { median, throughput } from './timing.js';

const CONCURRENCY = Number(process.env['CONCURRENCY'] ?? 16);
const SAMPLES = Number(process.env['SAMPLES'] ?? 50);
const HOT_MEMBERS = 10_000; // the owner and 9,999 additions
const SPREAD_ROOMS = 1_000;
const SPREAD_ADDS = 20_000;
const PAGESIZE = 1_000;
const ORG = 'bench';
const APP_NAME = 'chat';
const SECRET = 'bench-secret';

async function main(): Promise<void> {
  const store = await openBenchStore(ORG, APP_NAME, SECRET, CONCURRENCY);
  try {
    const { adapter, client, app } = store;
    const { version } = (await client.query<{ version: string }>('SELECT version()')).rows[0]!;
    console.log(
      `server: ${version.split(' on ')[0]}; ${CONCURRENCY} calls in flight, pool ${CONCURRENCY}; node ${process.version}`,
    );
    await seedUsers(client, app);

    const hot = await measureHotRoom(adapter, app);
    await measureSpread(adapter, app);
    await audit(client);
    await measurePages(adapter, app, hot, client);
    await measureDetails(adapter, app, hot, `${store.service.url}/${ORG}/${APP_NAME}`, await store.token());
  } finally {
    await store.close();
  }
}

/** `hot1` … `hot9999`, `spread0` … `spread19999`, `owner0` … `owner1000`, set-based (not under test). */
async function seedUsers(client: pg.Client, app: App): Promise<void> {
  for (const [prefix, from, to] of [
    ['hot', 1, HOT_MEMBERS - 1],
    ['spread', 0, SPREAD_ADDS - 1],
    ['owner', 0, SPREAD_ROOMS],
  ] as const) {
    await client.query(
      `INSERT INTO users (app_id, username, uuid, password_hash, created, modified)
       SELECT $1, $2 || i, gen_random_uuid(), 'x', 0, 0 FROM generate_series($3::int, $4::int) AS i`,
      [app.id, prefix, from, to],
    );
  }
  await client.query('VACUUM ANALYZE users');
}

function createRooms(
  adapter: PostgresAdapter,
  app: App,
  owners: readonly string[],
  maxUsers: number,
): Promise<string[]> {
  const create = new CreateChatroom({ uow: adapter.uow, clock: new SystemClock() });
  return Promise.all(
    owners.map(async (owner) => (await create.execute(app, { name: 'bench', description: '', owner, maxUsers })).id),
  );
}

async function measureHotRoom(adapter: PostgresAdapter, app: App): Promise<string> {
  const [hot] = await createRooms(adapter, app, ['owner0'], HOT_MEMBERS);
  const add = new AddMembers({ uow: adapter.uow });
  const { rate, p50, p99 } = await throughput(HOT_MEMBERS - 1, CONCURRENCY, (i) =>
    add.execute(app, hot!, [`hot${i + 1}`]),
  );
  console.log(
    `AddMembers one by one, one hot room (0 → 10,000 members): ${rate.toFixed(0)}/s; latency p50 ${ms(p50)} ms, p99 ${ms(p99)} ms`,
  );
  return hot!;
}

async function measureSpread(adapter: PostgresAdapter, app: App): Promise<void> {
  const owners = Array.from({ length: SPREAD_ROOMS }, (_, i) => `owner${i + 1}`);
  const rooms = await createRooms(adapter, app, owners, 1_000);
  const add = new AddMembers({ uow: adapter.uow });
  // Every call a distinct user, so rows conflict only on the room.
  const { rate, p50, p99 } = await throughput(SPREAD_ADDS, CONCURRENCY, (i) =>
    add.execute(app, rooms[i % SPREAD_ROOMS]!, [`spread${i}`]),
  );
  console.log(
    `AddMembers one by one, spread over ${SPREAD_ROOMS.toLocaleString('en')} rooms (${SPREAD_ADDS.toLocaleString('en')} adds): ` +
      `${rate.toFixed(0)}/s; latency p50 ${ms(p50)} ms, p99 ${ms(p99)} ms`,
  );
}

async function audit(client: pg.Client): Promise<void> {
  const { rows } = await client.query<{ bad: number }>(
    `SELECT count(*)::int AS bad FROM rooms r
     WHERE r.member_count <> (SELECT count(*) FROM memberships m WHERE m.app_id = r.app_id AND m.room_id = r.id)`,
  );
  console.log(`rooms whose member_count differs from the real count afterwards: ${rows[0]!.bad}`);
}

/**
 * Every page of the hot room, each timed alone (median of SAMPLES): first as the adds left the
 * table, then after VACUUM, when the index-only scans need no table visits at all.
 */
async function measurePages(adapter: PostgresAdapter, app: App, hot: string, client: pg.Client): Promise<void> {
  const list = new ListMembers({ uow: adapter.uow });
  const pages = HOT_MEMBERS / PAGESIZE;
  for (const when of ['right after the additions', 'after VACUUM']) {
    if (when === 'after VACUUM') await client.query('VACUUM ANALYZE memberships');
    const times: string[] = [];
    for (let pagenum = 1; pagenum <= pages; pagenum++) {
      const page = await list.execute(app, hot, { pagenum, pagesize: PAGESIZE });
      if (page.length !== PAGESIZE) throw new Error(`page ${pagenum} has ${page.length} members`);
      if (pagenum === 1 && page[0]!.role !== 'owner') throw new Error('the owner is not first');
      times.push(ms(await median(() => list.execute(app, hot, { pagenum, pagesize: PAGESIZE }), SAMPLES)));
    }
    console.log(
      `ListMembers of 10,000, pagesize ${PAGESIZE}, ${when}: pages 1–${pages} take ${times.join(' / ')} ms (median of ${SAMPLES} each)`,
    );
  }
}

async function measureDetails(
  adapter: PostgresAdapter,
  app: App,
  hot: string,
  base: string,
  token: string,
): Promise<void> {
  const details = new GetChatroomDetails({ uow: adapter.uow });
  const [got] = await details.execute(app, [hot]);
  if (got?.affiliations.length !== HOT_MEMBERS) throw new Error('details are incomplete');
  const useCase = await median(() => details.execute(app, [hot]), SAMPLES);
  console.log(
    `GetChatroomDetails of the 10,000-member room: ${ms(useCase)} ms (median of ${SAMPLES}); the result as JSON ${kib(Buffer.byteLength(JSON.stringify(got)))}`,
  );

  const get = async () => {
    const res = await fetch(`${base}/chatrooms/${hot}`, { headers: { authorization: `Bearer ${token}` } });
    if (res.status !== 200) throw new Error(`GET details: ${res.status}`);
    return (await res.arrayBuffer()).byteLength;
  };
  const bytes = await get();
  const http = await median(get, SAMPLES);
  console.log(
    `GET /chatrooms/{id} of that room over HTTP (in-process server, keep-alive): ${ms(http)} ms (median of ${SAMPLES}); body ${kib(bytes)}`,
  );
}

const ms = (t: number) => t.toFixed(2);
const kib = (bytes: number) => `${bytes.toLocaleString('en')} bytes (${(bytes / 1024).toFixed(0)} KiB)`;

await main();
