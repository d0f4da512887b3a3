/**
 * The floor of `bench:floor`: a bare Koa + pg server answering the benchmarked requests with the
 * fewest statements each operation's invariants allow, written by hand — no router, no
 * validation, no authentication, no logging, no layers. Whatever the service spends above this
 * is the price of its layers (and of any statement it sends beyond these).
 *
 *   DATABASE_URL=… APP_ID=… PORT=… POOL=20 node --import tsx bench/floor-server.ts
 *
 * Each case's SQL and what it stands for:
 * - details: the room row, then its affiliations (the same two reads the service makes);
 * - list: one keyset page, `limit + 1` rows (the service's query);
 * - create: ONE autocommit statement that checks the owner exists, draws the id from room_seq,
 *   inserts the room, bumps the app's guarded room_count, inserts the owner's membership and
 *   bumps the owner's guarded joined_count (the bench never refuses, so no guard needs undoing);
 * - add: ONE autocommit statement inserting the membership and bumping the room's and the
 *   user's guarded counters (no blocklist check, no refusal handling: the bench never refuses);
 * - transfer: ONE autocommit statement that locks the room, demotes the owner and promotes the
 *   member (the one-owner index sees the demotion first);
 * - dissolve: ONE autocommit statement: lock the room, delete its memberships giving each user
 *   a slot back, delete the room, give the app its slot back;
 * - remove: ONE autocommit statement deleting the membership, giving back the room's and the
 *   user's slots, and deleting the user's mute in the room;
 * - mute: ONE autocommit statement upserting the mutes of members only.
 * Every write statement also stores its events (room_events, and event_deliveries for every
 * matching rule), as the service's do.
 */
import pg from 'pg';
import {
  APP,
  CAP,
  detailsBody,
  envelope,
  ORG,
  pageBody,
  QUOTA,
  required,
  ROOM_COLUMNS,
  serveFloor,
} from './floor-server-http.js';

const INT8_OID = 20;
const url = required('DATABASE_URL');
const appId = required('APP_ID');
const pool = new pg.Pool({
  connectionString: url,
  max: Number(process.env['POOL'] ?? 20),
  types: {
    getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
      oid === INT8_OID ? Number : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
  },
});

async function details(roomId: string) {
  const rooms = await pool.query(`SELECT ${ROOM_COLUMNS} FROM rooms WHERE app_id = $1 AND id = any($2::text[])`, [
    appId,
    [roomId],
  ]);
  const room = rooms.rows[0];
  if (!room) return { error: 'service_resource_not_found' };
  const affiliations = await pool.query(
    `SELECT room_id, username, role FROM memberships WHERE app_id = $1 AND room_id = any($2::text[])
     ORDER BY room_id, role <> 'owner', seq`,
    [appId, [roomId]],
  );
  return detailsBody(appId, room, affiliations.rows);
}

async function list(limit: number) {
  const { rows } = await pool.query(`SELECT ${ROOM_COLUMNS} FROM rooms WHERE app_id = $1 ORDER BY seq DESC LIMIT $2`, [
    appId,
    limit + 1,
  ]);
  return pageBody(appId, rows, limit);
}

async function create(body: { name: string; description: string; owner: string }) {
  const { rows } = await pool.query(
    `WITH owner AS (
       SELECT username FROM users WHERE app_id = $1 AND username = $4
     ), room AS (
       INSERT INTO rooms (app_id, id, seq, name, description, max_users, owner, custom, created, member_count)
       SELECT $1, s.seq::text, s.seq, $2, $3, 1000, $4, '', $5, 1
       FROM (SELECT nextval('room_seq') AS seq) AS s WHERE EXISTS (SELECT 1 FROM owner)
       RETURNING app_id, id
     ), quota AS (
       UPDATE apps SET room_count = room_count + 1
       WHERE id = (SELECT app_id FROM room) AND room_count + 1 <= ${QUOTA} RETURNING 1
     ), membership AS (
       INSERT INTO memberships (app_id, room_id, username, role) SELECT app_id, id, $4, 'owner' FROM room
     ), joined AS (
       UPDATE users SET joined_count = joined_count + 1
       WHERE app_id = $1 AND username = $4 AND EXISTS (SELECT 1 FROM room) AND joined_count + 1 <= ${CAP}
       RETURNING 1
     ), ${events(`SELECT id, 'CREATE', jsonb_build_object('role', jsonb_build_object($4::text, 'owner'), 'member', '[]'::jsonb), NULL::int FROM room`)}
     SELECT (SELECT id FROM room) AS id, EXISTS (SELECT 1 FROM quota) AND EXISTS (SELECT 1 FROM joined) AS ok`,
    [appId, body.name, body.description, body.owner, Date.now()],
  );
  const { id, ok } = rows[0];
  return ok ? envelope(appId, 'post', { id }) : { error: 'refused' };
}

async function add(roomId: string, username: string) {
  const { rows } = await pool.query(
    `WITH inserted AS (
       INSERT INTO memberships (app_id, room_id, username, role)
       SELECT $1::uuid, $2::text, $3::text, 'member'
       WHERE EXISTS (SELECT 1 FROM rooms WHERE app_id = $1 AND id = $2)
       ON CONFLICT (app_id, room_id, username) DO NOTHING
       RETURNING username
     ), room AS (
       UPDATE rooms SET member_count = member_count + (SELECT count(*) FROM inserted)
       WHERE app_id = $1 AND id = $2 AND EXISTS (SELECT 1 FROM inserted)
         AND member_count + (SELECT count(*) FROM inserted) <= max_users
       RETURNING member_count
     ), counted AS (
       UPDATE users SET joined_count = joined_count + 1
       WHERE app_id = $1 AND username IN (SELECT username FROM inserted) AND joined_count + 1 <= ${CAP}
       RETURNING username
     ), ${events(`SELECT $2::text, 'JOIN', jsonb_build_object('member', jsonb_build_array($3::text), 'type', 'DIRECT'), member_count FROM room`)}
     SELECT EXISTS (SELECT 1 FROM room) AS room_counted, ARRAY(SELECT username FROM counted) AS counted`,
    [appId, roomId, username],
  );
  return envelope(appId, 'post', {
    result: true,
    action: 'add_member',
    id: roomId,
    user: username,
    counted: rows[0].room_counted,
  });
}

async function transfer(roomId: string, newOwner: string) {
  const { rows } = await pool.query(
    `WITH room AS (
       SELECT owner FROM rooms WHERE app_id = $1 AND id = $2 FOR UPDATE
     ), demoted AS (
       UPDATE memberships SET role = 'member'
       WHERE app_id = $1 AND room_id = $2 AND username = (SELECT owner FROM room) AND role = 'owner' AND username <> $3
         AND EXISTS (SELECT 1 FROM memberships WHERE app_id = $1 AND room_id = $2 AND username = $3)
       RETURNING 1
     ), promoted AS (
       UPDATE memberships SET role = 'owner'
       WHERE app_id = $1 AND room_id = $2 AND username = $3 AND EXISTS (SELECT 1 FROM demoted)
       RETURNING 1
     ), owner AS (
       UPDATE rooms SET owner = $3 WHERE app_id = $1 AND id = $2 AND EXISTS (SELECT 1 FROM promoted)
     ), ${events(`SELECT $2::text, 'UPDATE', jsonb_build_object('owner', (SELECT owner FROM room), 'new_owner', $3::text, 'type', 'OWNER'), NULL::int FROM promoted`)}
     SELECT EXISTS (SELECT 1 FROM promoted) AS ok`,
    [appId, roomId, newOwner],
  );
  return rows[0].ok ? envelope(appId, 'put', { newowner: true }) : { error: 'refused' };
}

async function dissolve(roomId: string) {
  const { rows } = await pool.query(
    `WITH room AS (
       SELECT 1 FROM rooms WHERE app_id = $1 AND id = $2 FOR UPDATE
     ), gone AS (
       DELETE FROM memberships WHERE app_id = $1 AND room_id = $2 AND EXISTS (SELECT 1 FROM room) RETURNING username, role, seq
     ), users_left AS (
       UPDATE users SET joined_count = joined_count - 1 WHERE app_id = $1 AND username IN (SELECT username FROM gone)
     ), dropped AS (
       DELETE FROM rooms WHERE app_id = $1 AND id = $2 AND EXISTS (SELECT 1 FROM room) RETURNING id
     ), quota AS (
       UPDATE apps SET room_count = room_count - 1 WHERE id = $1 AND EXISTS (SELECT 1 FROM dropped)
     ), ${events(`SELECT id, 'DELETE', NULL::jsonb, NULL::int FROM dropped
        UNION ALL SELECT $2::text, 'LEAVE', jsonb_build_object('member', (SELECT jsonb_agg(username ORDER BY role <> 'owner', seq) FROM gone), 'type', 'DELETE'), NULL::int
        FROM dropped`)}
     SELECT EXISTS (SELECT 1 FROM dropped) AS ok`,
    [appId, roomId],
  );
  return rows[0].ok ? envelope(appId, 'delete', { success: true, id: roomId }) : { error: 'refused' };
}

async function remove(roomId: string, username: string) {
  const { rows } = await pool.query(
    `WITH gone AS (
       DELETE FROM memberships WHERE app_id = $1 AND room_id = $2 AND username = $3 AND role <> 'owner' RETURNING username
     ), room AS (
       UPDATE rooms SET member_count = member_count - 1 WHERE app_id = $1 AND id = $2 AND EXISTS (SELECT 1 FROM gone)
       RETURNING member_count
     ), user_left AS (
       UPDATE users SET joined_count = joined_count - 1 WHERE app_id = $1 AND username = $3 AND EXISTS (SELECT 1 FROM gone)
     ), unmuted AS (
       DELETE FROM mutes WHERE app_id = $1 AND room_id = $2 AND username = $3 AND EXISTS (SELECT 1 FROM gone)
     ), ${events(`SELECT $2::text, 'LEAVE', jsonb_build_object('member', jsonb_build_array($3::text), 'type', 'KICK'), member_count FROM room`)}
     SELECT EXISTS (SELECT 1 FROM gone) AS ok`,
    [appId, roomId, username],
  );
  return rows[0].ok
    ? envelope(appId, 'delete', { result: true, action: 'kick', user: username, id: roomId })
    : { error: 'refused' };
}

async function mute(roomId: string, body: { usernames: string[]; mute_duration: number }) {
  const expiresAt = Date.now() + body.mute_duration;
  const { rows } = await pool.query(
    `WITH members AS (
       SELECT username FROM memberships WHERE app_id = $1 AND room_id = $2 AND username = any($3::text[])
     ), put AS (
       INSERT INTO mutes (app_id, room_id, username, expires_at)
       SELECT $1, $2, username, $4 FROM members
       ON CONFLICT (app_id, room_id, username) DO UPDATE SET expires_at = excluded.expires_at, seq = DEFAULT
       RETURNING 1
     ), ${events(`SELECT $2::text, 'MUTE', jsonb_build_object('member', to_jsonb($3::text[]), 'expire_timestamp', $4::bigint, 'type', 'ADD'), NULL::int
        WHERE EXISTS (SELECT 1 FROM put)`)}
     SELECT count(*)::int = cardinality($3::text[]) AS ok FROM members`,
    [appId, roomId, body.usernames, expiresAt],
  );
  return rows[0].ok
    ? envelope(
        appId,
        'post',
        body.usernames.map((user) => ({ result: true, expire: expiresAt, user })),
      )
    : { error: 'refused' };
}

/**
 * The CTEs storing a write's events and their deliveries, as the service's statements do:
 * `rows` selects (room_id, operation, payload, member_count).
 */
function events(rows: string): string {
  return `ev AS (
       INSERT INTO room_events (app_id, org, app, room_id, operation, operator, payload, member_count, created_at)
       SELECT $1::uuid, '${ORG}', '${APP}', e.room_id, e.operation, '@ppAdmin', e.payload, e.member_count,
              (extract(epoch from clock_timestamp()) * 1000)::bigint
       FROM (${rows}) AS e (room_id, operation, payload, member_count)
       RETURNING seq, app_id, room_id, operation, created_at
     ), ev_sent AS (
       INSERT INTO event_deliveries (rule_id, event_seq, room_id, next_at)
       SELECT r.id, ev.seq, ev.room_id, ev.created_at
       FROM ev JOIN event_rules r ON r.app_id = ev.app_id AND (r.operations IS NULL OR ev.operation = ANY (r.operations))
     )`;
}

serveFloor({ details, list, create, add, transfer, remove, dissolve, mute }, () => pool.end());
