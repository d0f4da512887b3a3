/**
 * One request must not pin the process: the details of 100 rooms of 10,000
 * members each (1,000,000 affiliations), measured without the bound (the use case alone, its
 * answer turned into JSON as the route would), then what the service does with the bound
 * (100,000 affiliations per answer): the refusal of the 100 rooms, and the largest answer it
 * gives, 10 full rooms, over HTTP.
 *
 *   npm run bench:details -w @chatroom/tools             # TEST_DATABASE_URL, default the local server
 *
 * Creates its own database (seeding 1,000,000 memberships set-based takes a minute or so), runs
 * the HTTP service in this process on a free port (logs off), and drops the database at the end.
 * Runs node with --expose-gc so that memory is measured from a collected heap.
 */
import { SystemClock } from '@chatroom/crypto-adapter';
import { CreateChatroom, DETAILS_MAX_AFFILIATIONS, GetChatroomDetails, type App } from '@chatroom/domain';
import type { PostgresAdapter } from '@chatroom/postgres-adapter';
import type pg from 'pg';
import { openBenchStore } from './bench-store.js';
import { median } from './timing.js';

const ROOMS = 100;
const MEMBERS = 10_000;
const ORG = 'bench';
const APP_NAME = 'details';
const SECRET = 'bench-secret';

const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

async function main(): Promise<void> {
  const store = await openBenchStore(ORG, APP_NAME, SECRET, 4);
  try {
    const started = performance.now();
    const rooms = await seed(store.adapter, store.client, store.app);
    console.log(
      `node ${process.version}; seeded ${ROOMS} rooms × ${MEMBERS.toLocaleString('en')} members in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    await unbounded(store.adapter, store.app, rooms);
    await bounded(`${store.service.url}/${ORG}/${APP_NAME}`, await store.token(), rooms);
  } finally {
    await store.close();
  }
}

/** Owners o0…o99 and members m1…m9999 (each in every room), set-based: not what is measured. */
async function seed(adapter: PostgresAdapter, client: pg.Client, app: App): Promise<string[]> {
  await client.query(
    `INSERT INTO users (app_id, username, uuid, password_hash, created, modified)
     SELECT $1::uuid, 'o' || i, gen_random_uuid(), 'x', 0, 0 FROM generate_series(0, $2::int - 1) AS i
     UNION ALL SELECT $1::uuid, 'm' || i, gen_random_uuid(), 'x', 0, 0 FROM generate_series(1, $3::int - 1) AS i`,
    [app.id, ROOMS, MEMBERS],
  );
  const create = new CreateChatroom({ uow: adapter.uow, clock: new SystemClock() });
  const rooms: string[] = [];
  for (let i = 0; i < ROOMS; i++) {
    rooms.push(
      (await create.execute(app, { name: `room ${i}`, description: '', owner: `o${i}`, maxUsers: MEMBERS })).id,
    );
  }
  // The counters kept true by hand, as the guarded updates would have.
  await client.query(
    `INSERT INTO memberships (app_id, room_id, username, role)
     SELECT $1::uuid, r, 'm' || i, 'member' FROM unnest($2::text[]) AS r, generate_series(1, $3::int - 1) AS i`,
    [app.id, rooms, MEMBERS],
  );
  await client.query(`UPDATE rooms SET member_count = $3 WHERE app_id = $1 AND id = ANY($2)`, [app.id, rooms, MEMBERS]);
  await client.query(`UPDATE users SET joined_count = $2 WHERE app_id = $1 AND username LIKE 'm%'`, [app.id, ROOMS]);
  await client.query('VACUUM ANALYZE');
  return rooms;
}

/** The answer as the route shapes it (affiliation items `{member}`/`{owner}`), in the envelope's `data`. */
function asJson(details: Awaited<ReturnType<GetChatroomDetails['execute']>>): string {
  return JSON.stringify({
    data: details.map(({ room, affiliations }) => ({
      ...room,
      affiliations: affiliations.map((a) => (a.role === 'owner' ? { owner: a.username } : { member: a.username })),
    })),
  });
}

async function unbounded(adapter: PostgresAdapter, app: App, rooms: string[]): Promise<void> {
  const details = new GetChatroomDetails({ uow: adapter.uow }, Number.POSITIVE_INFINITY);
  await details.execute(app, rooms.slice(0, 1)); // warm-up
  for (let run = 1; run <= 2; run++) {
    gc();
    const before = process.memoryUsage();
    const t0 = performance.now();
    const result = await details.execute(app, rooms);
    const t1 = performance.now();
    const afterRead = process.memoryUsage();
    const body = asJson(result);
    const t2 = performance.now();
    const afterJson = process.memoryUsage();
    const total = result.reduce((sum, d) => sum + d.affiliations.length, 0);
    console.log(
      `unbounded, run ${run}: ${total.toLocaleString('en')} affiliations read in ${(t1 - t0).toFixed(0)} ms, JSON in ${(t2 - t1).toFixed(0)} ms; ` +
        `${Buffer.byteLength(body).toLocaleString('en')} bytes; heap +${mib(afterJson.heapUsed - before.heapUsed)} ` +
        `(after the read +${mib(afterRead.heapUsed - before.heapUsed)}), RSS +${mib(afterJson.rss - before.rss)} (RSS now ${mib(afterJson.rss)})`,
    );
  }
}

async function bounded(base: string, token: string, rooms: string[]): Promise<void> {
  const get = async (ids: string[], status: number) => {
    const res = await fetch(`${base}/chatrooms/${ids.join(',')}`, { headers: { authorization: `Bearer ${token}` } });
    const bytes = (await res.arrayBuffer()).byteLength;
    if (res.status !== status) throw new Error(`GET details of ${ids.length}: ${res.status}`);
    return bytes;
  };
  const refused = await median(() => get(rooms, 400), 20);
  console.log(
    `bounded (${DETAILS_MAX_AFFILIATIONS.toLocaleString('en')}): GET 100 full rooms → 400 in ${refused.toFixed(2)} ms (median of 20)`,
  );
  const largest = rooms.slice(0, DETAILS_MAX_AFFILIATIONS / MEMBERS);
  gc();
  const before = process.memoryUsage();
  const bytes = await get(largest, 200);
  const after = process.memoryUsage();
  const time = await median(() => get(largest, 200), 5);
  console.log(
    `bounded: GET ${largest.length} full rooms (${DETAILS_MAX_AFFILIATIONS.toLocaleString('en')} affiliations) → 200 in ${time.toFixed(0)} ms ` +
      `(median of 5); body ${bytes.toLocaleString('en')} bytes; heap +${mib(after.heapUsed - before.heapUsed)} for the first, RSS ${mib(after.rss)}`,
  );
}

await main();
