/**
 * Members on MariaDB: additions one by one through the AddMembers use case over the MariaDB
 * adapter, to one hot room and spread over many rooms, side by side with a floor: a bare
 * handler sending the same statements (the room and user checks; lock the room and look for
 * the member; the guarded room counter; lock the user; the guarded user counter; insert; the
 * blocklist check; commit) straight through mysql2, in the same run. Then a recount. Not a
 * timed test: it prints figures for docs/performance.md.
 *
 *   npm run bench:mariadb -w @chatroom/tools       # TEST_MARIADB_URL, default mysql://root@127.0.0.1:3306/test
 *   CONCURRENCY=32 npm run bench:mariadb -w @chatroom/tools
 *
 * Creates its own database and drops it at the end.
 */
import { SystemClock } from '@chatroom/crypto-adapter';
import { AddMembers, CreateChatroom, DEFAULT_APP_SETTINGS, type App, type User, type UserId } from '@chatroom/domain';
import { openMariadbAdapter, type MariadbAdapter } from '@chatroom/mariadb-adapter';
import { auditCounters, createTestMariadbDatabase } from '@chatroom/mariadb-adapter/testing';
import { createPool, type Pool } from 'mysql2/promise';
import { randomUUID } from 'node:crypto';
import { throughput } from './timing.js';

const CONCURRENCY = Number(process.env['CONCURRENCY'] ?? 16);
const HOT_ADDS = 3_000;
const SPREAD_ROOMS = 500;
const SPREAD_ADDS = 5_000;

async function main(): Promise<void> {
  process.env['TEST_MARIADB_URL'] ??= 'mysql://root@127.0.0.1:3306/test';
  const db = await createTestMariadbDatabase();
  if (!db) throw new Error('no MariaDB server');
  let adapter: MariadbAdapter | undefined;
  let pool: Pool | undefined;
  try {
    adapter = await openMariadbAdapter({ databaseUrl: db.url, poolSize: CONCURRENCY });
    pool = createPool({ uri: db.url, connectionLimit: CONCURRENCY, flags: ['-FOUND_ROWS'] });
    pool.on('connection', (c) => c.query('SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED'));
    const [[{ version }]] = (await pool.query('SELECT version() AS version')) as unknown as [[{ version: string }]];
    console.log(
      `server: MariaDB ${version}; ${CONCURRENCY} calls in flight, pool ${CONCURRENCY}; node ${process.version}`,
    );
    const app = await seedApp(adapter);
    await seedUsers(adapter, app);

    const [hot, floorRoom] = await createRooms(adapter, app, ['owner0', 'owner1'], HOT_ADDS + 1);
    const add = new AddMembers({ uow: adapter.uow });
    report(
      `AddMembers one by one, one hot room (${HOT_ADDS.toLocaleString('en')} adds)`,
      await throughput(HOT_ADDS, CONCURRENCY, (i) => add.execute(app, hot!, [`hot${i}` as UserId])),
    );
    report(
      `floor: the same statements through bare mysql2, one hot room (${HOT_ADDS.toLocaleString('en')} adds)`,
      await throughput(HOT_ADDS, CONCURRENCY, (i) => bareAdd(pool!, app, floorRoom!, `floor${i}`)),
    );

    const rooms = await createRooms(
      adapter,
      app,
      Array.from({ length: SPREAD_ROOMS }, (_, i) => `owner${i + 2}`),
      1_000,
    );
    report(
      `AddMembers one by one, spread over ${SPREAD_ROOMS} rooms (${SPREAD_ADDS.toLocaleString('en')} adds)`,
      await throughput(SPREAD_ADDS, CONCURRENCY, (i) =>
        add.execute(app, rooms[i % SPREAD_ROOMS]!, [`spread${i}` as UserId]),
      ),
    );

    const audit = await auditCounters(db.url);
    console.log(
      `rooms / users whose counter differs from the real count afterwards: ${audit.rooms.length} / ${audit.users.length}`,
    );
  } finally {
    await pool?.end();
    await adapter?.close();
    await db.drop();
  }
}

/**
 * The statements AddMembers sends for one new member (its room and user checks, the adapter's
 * add, the blocklist check after it), without kysely, the use case or the unit of work.
 */
async function bareAdd(pool: Pool, app: App, roomId: string, username: string): Promise<void> {
  const c = await pool.getConnection();
  try {
    await c.query('START TRANSACTION');
    await c.query('SELECT id, name, max_users, member_count FROM rooms WHERE app_id = ? AND id = ?', [app.id, roomId]);
    await c.query('SELECT username FROM users WHERE app_id = ? AND username IN (?)', [app.id, [username]]);
    await c.query(
      `SELECT m.username, m.role FROM rooms r LEFT JOIN memberships m
         ON m.app_id = r.app_id AND m.room_id = r.id AND m.username IN (?)
       WHERE r.app_id = ? AND r.id = ? FOR UPDATE`,
      [[username], app.id, roomId],
    );
    await c.query(
      'UPDATE rooms SET member_count = member_count + 1 WHERE app_id = ? AND id = ? AND member_count + 1 <= max_users',
      [app.id, roomId],
    );
    await c.query(
      'SELECT username, joined_count FROM users WHERE app_id = ? AND username IN (?) ORDER BY username FOR UPDATE',
      [app.id, [username]],
    );
    await c.query(
      'UPDATE users SET joined_count = joined_count + 1 WHERE app_id = ? AND username IN (?) AND joined_count + 1 <= ?',
      [app.id, [username], app.settings.joinedRoomCap],
    );
    await c.query("INSERT INTO memberships (app_id, room_id, username, role) VALUES (?, ?, ?, 'member')", [
      app.id,
      roomId,
      username,
    ]);
    await c.query(
      "SELECT username FROM room_user_lists WHERE app_id = ? AND room_id = ? AND list = 'blocklist' AND username IN (?)",
      [app.id, roomId, [username]],
    );
    await c.query('COMMIT');
  } catch (error) {
    await c.query('ROLLBACK');
    throw error;
  } finally {
    c.release();
  }
}

function seedApp(adapter: MariadbAdapter): Promise<App> {
  return adapter.uow.write((r) =>
    r.apps.upsert({
      id: randomUUID(),
      org: 'bench',
      name: 'chat',
      clientId: 'bench',
      clientSecretHash: 'x',
      tokenKey: 'x',
      keyGeneration: 0,
      settings: DEFAULT_APP_SETTINGS,
      created: Date.now(),
    }),
  );
}

/** Seeding through the port in batches of 1,000 (not under test). */
async function seedUsers(adapter: MariadbAdapter, app: App): Promise<void> {
  const names = [
    ...Array.from({ length: HOT_ADDS }, (_, i) => `hot${i}`),
    ...Array.from({ length: HOT_ADDS }, (_, i) => `floor${i}`),
    ...Array.from({ length: SPREAD_ADDS }, (_, i) => `spread${i}`),
    ...Array.from({ length: SPREAD_ROOMS + 2 }, (_, i) => `owner${i}`),
  ];
  const users: User[] = names.map((username) => ({
    appId: app.id,
    username: username as UserId,
    uuid: randomUUID(),
    passwordHash: 'x',
    nickname: null,
    created: 0,
    modified: 0,
  }));
  for (let i = 0; i < users.length; i += 1000)
    await adapter.uow.write((r) => r.users.insertMany(users.slice(i, i + 1000)));
}

function createRooms(
  adapter: MariadbAdapter,
  app: App,
  owners: readonly string[],
  maxUsers: number,
): Promise<string[]> {
  const create = new CreateChatroom({ uow: adapter.uow, clock: new SystemClock() });
  return Promise.all(
    owners.map(async (owner) => (await create.execute(app, { name: 'bench', description: '', owner, maxUsers })).id),
  );
}

function report(what: string, { rate, p50, p99 }: { rate: number; p50: number; p99: number }): void {
  console.log(`${what}: ${rate.toFixed(0)}/s; latency p50 ${p50.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms`);
}

await main();
