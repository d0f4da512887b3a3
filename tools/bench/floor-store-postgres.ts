/** The PostgreSQL side of `bench:floor` (floor-store.ts): a fresh database on TEST_DATABASE_URL's server. */
import { createTestDatabase } from '@chatroom/postgres-adapter/testing';
import pg from 'pg';
import { ADD_USERS, seedRooms, TRANSFER_ROOMS, type FloorStore, type Seed } from './floor-store.js';

export async function openPostgresFloorStore(): Promise<FloorStore> {
  process.env['TEST_DATABASE_URL'] ??= 'postgres://postgres@127.0.0.1:5432/postgres';
  const db = await createTestDatabase();
  if (!db) throw new Error('no PostgreSQL server');
  const sql = new pg.Pool({ connectionString: db.url, max: 4 });
  const makeRooms = (appId: string, rooms: { owner: string; members: string[] }[], maxUsers: number) =>
    makePostgresRooms(sql, appId, rooms, maxUsers);
  return {
    name: 'postgres',
    url: db.url,
    floorServer: 'floor-server.ts',
    async version() {
      const { rows } = await sql.query<{ v: string }>('SELECT version() AS v');
      return rows[0]!.v.split(' on ')[0]!;
    },
    async appId(org, app) {
      return (await sql.query('SELECT id FROM apps WHERE org = $1 AND name = $2', [org, app])).rows[0].id as string;
    },
    seed: (appId) => seedData(sql, appId, makeRooms),
    makeRooms,
    async countMembers(appId, roomId) {
      const { rows } = await sql.query<{ n: number; counted: number }>(
        `SELECT (SELECT count(*)::int FROM memberships WHERE app_id = $1 AND room_id = $2) AS n,
                (SELECT member_count FROM rooms WHERE app_id = $1 AND id = $2) AS counted`,
        [appId, roomId],
      );
      return rows[0]!;
    },
    async close() {
      await sql.end();
      await db.drop();
    },
  };
}

async function seedData(sql: pg.Pool, appId: string, makeRooms: FloorStore['makeRooms']): Promise<Seed> {
  const now = Date.now();
  // Users straight into the table: registration through the API would spend minutes in scrypt.
  await sql.query(
    `INSERT INTO users (app_id, username, uuid, password_hash, created, modified)
     SELECT $1, name, gen_random_uuid(), 'not-a-hash', $2, $2
     FROM (SELECT 'u' || g AS name FROM generate_series(0, ${ADD_USERS - 1}) g
           UNION ALL SELECT 'owner' || g FROM generate_series(0, 239) g
           UNION ALL SELECT 'm' || g FROM generate_series(0, 19) g
           UNION ALL SELECT 'ta' || g FROM generate_series(0, ${TRANSFER_ROOMS - 1}) g
           UNION ALL SELECT 'tb' || g FROM generate_series(0, ${TRANSFER_ROOMS - 1}) g
           UNION ALL SELECT 'owner') AS names`,
    [appId, now],
  );
  const seed = await seedRooms(appId, makeRooms);
  await sql.query('VACUUM ANALYZE');
  return seed;
}

/** Rooms with their affiliations and true counters, in three statements whatever their number. */
async function makePostgresRooms(
  sql: pg.Pool,
  appId: string,
  rooms: { owner: string; members: string[] }[],
  maxUsers: number,
): Promise<string[]> {
  const { rows: drawn } = await sql.query<{ s: string }>(
    `SELECT nextval('room_seq')::text AS s FROM generate_series(1, $1)`,
    [rooms.length],
  );
  const ids = drawn.map((r) => r.s);
  await sql.query(
    `INSERT INTO rooms (app_id, id, seq, name, description, max_users, owner, custom, created, member_count)
     SELECT $1, id, id::bigint, 'bench', 'd', $2, owner, '', $3, n FROM unnest($4::text[], $5::text[], $6::int[]) AS r (id, owner, n)`,
    [appId, maxUsers, Date.now(), ids, rooms.map((r) => r.owner), rooms.map((r) => 1 + r.members.length)],
  );
  const pairs = rooms.flatMap((room, i) => [
    [ids[i]!, room.owner, 'owner'],
    ...room.members.map((m) => [ids[i]!, m, 'member']),
  ]);
  await sql.query(
    `INSERT INTO memberships (app_id, room_id, username, role)
     SELECT $1, r, u, role FROM unnest($2::text[], $3::text[], $4::text[]) AS p (r, u, role)`,
    [appId, pairs.map((p) => p[0]), pairs.map((p) => p[1]), pairs.map((p) => p[2])],
  );
  await sql.query(
    `UPDATE users SET joined_count = joined_count + n FROM (SELECT u, count(*)::int AS n FROM unnest($2::text[]) AS u GROUP BY u) AS j
     WHERE users.app_id = $1 AND users.username = j.u`,
    [appId, pairs.map((p) => p[1])],
  );
  await sql.query('UPDATE apps SET room_count = room_count + $2 WHERE id = $1', [appId, rooms.length]);
  return ids;
}
