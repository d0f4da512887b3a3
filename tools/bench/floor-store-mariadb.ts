/**
 * The MariaDB side of `STORE=mariadb bench:floor` (floor-store.ts): a fresh database on
 * TEST_MARIADB_URL's server, seeded with the rows the PostgreSQL side writes, in batches of
 * multi-row VALUES (MariaDB has no unnest or generate_series to build them server-side).
 */
import { createTestMariadbDatabase } from '@chatroom/mariadb-adapter/testing';
import { createPool, type Pool, type RowDataPacket } from 'mysql2/promise';
import { randomUUID } from 'node:crypto';
import { ADD_USERS, seedRooms, TRANSFER_ROOMS, type FloorStore, type Seed } from './floor-store.js';

/** Rows per multi-row INSERT: well under the server's max_allowed_packet. */
const BATCH = 5_000;

export async function openMariadbFloorStore(): Promise<FloorStore> {
  process.env['TEST_MARIADB_URL'] ??= 'mysql://root@127.0.0.1:3306/test';
  const db = await createTestMariadbDatabase();
  if (!db) throw new Error('no MariaDB server');
  const sql = createPool({ uri: db.url, connectionLimit: 4, charset: 'utf8mb4' });
  // The room ids are drawn by a recursive CTE as long as the largest batch of rooms.
  sql.on('connection', (c) => c.query('SET SESSION max_recursive_iterations = 1000000'));
  const makeRooms: FloorStore['makeRooms'] = makeMariadbRooms.bind(null, sql);
  return {
    name: 'mariadb',
    url: db.url,
    floorServer: 'floor-server-mariadb.ts',
    async version() {
      const [rows] = await sql.query<RowDataPacket[]>('SELECT version() AS v');
      return `MariaDB ${rows[0]!['v']}`;
    },
    async appId(org, app) {
      const [rows] = await sql.query<RowDataPacket[]>('SELECT id FROM apps WHERE org = ? AND name = ?', [org, app]);
      return rows[0]!['id'] as string;
    },
    seed: (appId) => seedData(sql, appId, makeRooms),
    makeRooms,
    async countMembers(appId, roomId) {
      const [rows] = await sql.query<RowDataPacket[]>(
        `SELECT (SELECT count(*) FROM memberships WHERE app_id = ? AND room_id = ?) AS n,
                (SELECT member_count FROM rooms WHERE app_id = ? AND id = ?) AS counted`,
        [appId, roomId, appId, roomId],
      );
      return { n: Number(rows[0]!['n']), counted: Number(rows[0]!['counted']) };
    },
    async close() {
      await sql.end();
      await db.drop();
    },
  };
}

async function seedData(sql: Pool, appId: string, makeRooms: FloorStore['makeRooms']): Promise<Seed> {
  const now = Date.now();
  const range = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);
  const names = [
    ...range('u', ADD_USERS),
    ...range('owner', 240),
    ...range('m', 20),
    ...range('ta', TRANSFER_ROOMS),
    ...range('tb', TRANSFER_ROOMS),
    'owner',
  ];
  // Users straight into the table: registration through the API would spend minutes in scrypt.
  await insertBatches(
    sql,
    'INSERT INTO users (app_id, username, uuid, password_hash, created, modified) VALUES ?',
    names.map((name) => [appId, name, randomUUID(), 'not-a-hash', now, now]),
  );
  const seed = await seedRooms(appId, makeRooms);
  await sql.query('ANALYZE TABLE users, rooms, memberships');
  return seed;
}

/** Rooms with their affiliations and true counters: ids drawn in one statement, rows in batches. */
async function makeMariadbRooms(
  sql: Pool,
  appId: string,
  rooms: { owner: string; members: string[] }[],
  maxUsers: number,
): Promise<string[]> {
  const [drawn] = await sql.query<RowDataPacket[]>(
    `WITH RECURSIVE g (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM g WHERE n < ?)
     SELECT NEXTVAL(room_seq) AS s FROM g`,
    [rooms.length],
  );
  const ids = drawn.map((r) => String(r['s']));
  const created = Date.now();
  await insertBatches(
    sql,
    'INSERT INTO rooms (app_id, id, seq, name, description, max_users, owner, custom, created, member_count) VALUES ?',
    rooms.map((r, i) => [appId, ids[i]!, ids[i]!, 'bench', 'd', maxUsers, r.owner, '', created, 1 + r.members.length]),
  );
  const pairs = rooms.flatMap((room, i) => [
    [appId, ids[i]!, room.owner, 'owner'],
    ...room.members.map((m) => [appId, ids[i]!, m, 'member']),
  ]);
  await insertBatches(sql, 'INSERT INTO memberships (app_id, room_id, username, role) VALUES ?', pairs);
  const joined = new Map<string, number>();
  for (const p of pairs) joined.set(p[2]!, (joined.get(p[2]!) ?? 0) + 1);
  const byCount = new Map<number, string[]>();
  for (const [user, n] of joined) {
    const users = byCount.get(n) ?? [];
    users.push(user);
    byCount.set(n, users);
  }
  for (const [n, users] of byCount)
    for (let i = 0; i < users.length; i += BATCH)
      await sql.query('UPDATE users SET joined_count = joined_count + ? WHERE app_id = ? AND username IN (?)', [
        n,
        appId,
        users.slice(i, i + BATCH),
      ]);
  await sql.query('UPDATE apps SET room_count = room_count + ? WHERE id = ?', [rooms.length, appId]);
  return ids;
}

async function insertBatches(sql: Pool, statement: string, rows: unknown[][]): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) await sql.query(statement, [rows.slice(i, i + BATCH)]);
}
