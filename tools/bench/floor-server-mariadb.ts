/**
 * The floor of `STORE=mariadb bench:floor`: floor-server.ts on MariaDB's schema — a bare Koa +
 * mysql2 server answering the benchmarked requests with the fewest statements each operation's
 * invariants allow, written by hand (no router, no validation, no authentication, no logging,
 * no layers), on a pool of the same size and session settings as the service's (READ
 * COMMITTED, strict mode).
 *
 *   DATABASE_URL=mysql://… APP_ID=… PORT=… POOL=20 node --import tsx bench/floor-server-mariadb.ts
 *
 * MariaDB has no data-modifying CTEs (and no UPDATE … RETURNING), so a write that PostgreSQL
 * does in ONE statement takes several here. Each write is sent as ONE anonymous compound
 * statement (BEGIN NOT ATOMIC … END): one round trip holding a transaction of guarded
 * statements, each later one run only when the one before changed what it had to (ROW_COUNT()),
 * rolled back when a guard refuses or a statement fails, run again after a deadlock (as the
 * service's units are). Per case, inside that one round trip:
 * - details: the room row, then its affiliations (two reads, two round trips, as on PostgreSQL);
 * - list: one keyset page, `limit + 1` rows;
 * - create: draw the id from room_seq; bump the app's guarded room_count; bump the owner's
 *   guarded joined_count (which fails if there is no such user); insert the room; insert the
 *   owner's membership; the event (5 statements + events). The counters come first: inserting
 *   a row takes its parents' rows in share mode for the foreign keys, and two units upgrading
 *   that to the counter's exclusive lock deadlock each other;
 * - add: bump the room's guarded member_count if the user is not a member yet (the room's lock
 *   serialises the additions to it, so the check holds); bump the user's guarded joined_count;
 *   insert the membership; the event with the new count (3 statements + events);
 * - transfer: lock the room reading its owner; ONE update that demotes the owner and promotes
 *   the member (owner's row first, so the one-owner key sees the demotion first; two rows
 *   changed is the guard); the room's owner column; the event (3 statements + events);
 * - dissolve: lock the room; read its members in order (the LEAVE payload); give each member a
 *   slot back (one multi-table UPDATE); delete the room (the foreign keys cascade to its
 *   memberships and mutes); give the app its slot back; the two events (5 statements + events);
 * - remove: delete the membership (not the owner's); give back the room's and the user's slots;
 *   delete the user's mute in the room; the event with the new count (4 statements + events);
 * - mute: count the named members (all must be members: there is no "those that are" filter in
 *   one upsert's affected rows); upsert their mutes; the event (2 statements + events).
 * "Events" is what the service stores with every write: the room_events rows (one INSERT) and an
 * event_deliveries row per matching rule (one INSERT … SELECT, rules matched as the service's
 * outbox does: JSON_CONTAINS on the operations).
 */
import { createPool, type RowDataPacket } from 'mysql2/promise';
import * as floor from './floor-server-http.js';

const url = floor.required('DATABASE_URL').replace(/^mariadb:\/\//, 'mysql://');
const appId = floor.required('APP_ID');
const pool = createPool({
  uri: url,
  connectionLimit: Number(process.env['POOL'] ?? 20),
  charset: 'utf8mb4',
  flags: ['-FOUND_ROWS'],
  supportBigNumbers: false,
});
pool.on('connection', (connection) => {
  connection.query('SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED');
  connection.query(
    "SET SESSION sql_mode = 'STRICT_ALL_TABLES,ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION,NO_AUTO_VALUE_ON_ZERO'",
  );
  connection.query('SET NAMES utf8mb4 COLLATE utf8mb4_nopad_bin');
});
const DEADLOCK = 1213;
/** Runs of a unit, the first included (the service's MAX_ATTEMPTS). */
const MAX_ATTEMPTS = 5;
const NOW_MS = 'CAST(UNIX_TIMESTAMP(NOW(3)) * 1000 AS SIGNED)';

async function details(roomId: string) {
  const [rooms] = await pool.query<RowDataPacket[]>(
    `SELECT ${floor.ROOM_COLUMNS} FROM rooms WHERE app_id = ? AND id IN (?)`,
    [appId, [roomId]],
  );
  const room = rooms[0];
  if (!room) return { error: 'service_resource_not_found' };
  const [affiliations] = await pool.query<RowDataPacket[]>(
    `SELECT room_id, username, role FROM memberships WHERE app_id = ? AND room_id IN (?)
     ORDER BY room_id, role <> 'owner', seq`,
    [appId, [roomId]],
  );
  return floor.detailsBody(appId, room, affiliations);
}

async function list(limit: number) {
  const [rows] = await pool.query<RowDataPacket[]>(
    `SELECT ${floor.ROOM_COLUMNS} FROM rooms WHERE app_id = ? ORDER BY seq DESC LIMIT ?`,
    [appId, limit + 1],
  );
  return floor.pageBody(appId, rows, limit);
}

async function create(body: { name: string; description: string; owner: string }) {
  const row = await unit(
    `DECLARE new_id BIGINT DEFAULT NEXTVAL(room_seq);
     ${BEGIN}
     UPDATE apps SET room_count = room_count + 1 WHERE id = ? AND room_count + 1 <= ${floor.QUOTA};
     IF ROW_COUNT() = 1 THEN
       UPDATE users SET joined_count = joined_count + 1 WHERE app_id = ? AND username = ? AND joined_count + 1 <= ${floor.CAP};
       IF ROW_COUNT() = 1 THEN
         INSERT INTO rooms (app_id, id, seq, name, description, max_users, owner, custom, created, member_count)
         VALUES (?, new_id, new_id, ?, ?, 1000, ?, '', ?, 1);
         INSERT INTO memberships (app_id, room_id, username, role) VALUES (?, new_id, ?, 'owner');
         ${events(`new_id, 'CREATE', JSON_OBJECT('role', JSON_OBJECT(?, 'owner'), 'member', JSON_ARRAY()), NULL`)}
         SET ok = TRUE;
       END IF;
     END IF;
     ${END}
     SELECT new_id AS id, ok;`,
    [
      appId,
      appId,
      body.owner,
      appId,
      body.name,
      body.description,
      body.owner,
      Date.now(),
      appId,
      body.owner,
      body.owner,
    ],
  );
  return row['ok'] ? floor.envelope(appId, 'post', { id: String(row['id']) }) : { error: 'refused' };
}

async function add(roomId: string, username: string) {
  const row = await unit(
    `${BEGIN}
     UPDATE rooms SET member_count = (@n := member_count + 1)
     WHERE app_id = ? AND id = ? AND member_count + 1 <= max_users
       AND NOT EXISTS (SELECT 1 FROM memberships WHERE app_id = ? AND room_id = ? AND username = ?);
     IF ROW_COUNT() = 1 THEN
       UPDATE users SET joined_count = joined_count + 1 WHERE app_id = ? AND username = ? AND joined_count + 1 <= ${floor.CAP};
       IF ROW_COUNT() = 1 THEN
         INSERT INTO memberships (app_id, room_id, username, role) VALUES (?, ?, ?, 'member');
         ${events(`?, 'JOIN', JSON_OBJECT('member', JSON_ARRAY(?), 'type', 'DIRECT'), @n`)}
         SET ok = TRUE;
       END IF;
     END IF;
     ${END}
     SELECT ok;`,
    [appId, roomId, appId, roomId, username, appId, username, appId, roomId, username, roomId, username],
  );
  return floor.envelope(appId, 'post', {
    result: true,
    action: 'add_member',
    id: roomId,
    user: username,
    counted: !!row['ok'],
  });
}

async function transfer(roomId: string, newOwner: string) {
  const row = await unit(
    `DECLARE old_owner VARCHAR(64);
     ${BEGIN}
     SELECT owner INTO old_owner FROM rooms WHERE app_id = ? AND id = ? FOR UPDATE;
     UPDATE memberships SET role = IF(username = ?, 'owner', 'member')
     WHERE app_id = ? AND room_id = ? AND username IN (old_owner, ?)
     ORDER BY owner_mark IS NULL;
     IF ROW_COUNT() = 2 THEN
       UPDATE rooms SET owner = ? WHERE app_id = ? AND id = ?;
       ${events(`?, 'UPDATE', JSON_OBJECT('owner', old_owner, 'new_owner', ?, 'type', 'OWNER'), NULL`)}
       SET ok = TRUE;
     END IF;
     ${END}
     SELECT ok;`,
    [appId, roomId, newOwner, appId, roomId, newOwner, newOwner, appId, roomId, roomId, newOwner],
  );
  return row['ok'] ? floor.envelope(appId, 'put', { newowner: true }) : { error: 'refused' };
}

async function dissolve(roomId: string) {
  const row = await unit(
    `DECLARE found INT;
     DECLARE members LONGTEXT;
     ${BEGIN}
     SELECT COUNT(*) INTO found FROM rooms WHERE app_id = ? AND id = ? FOR UPDATE;
     IF found = 1 THEN
       SELECT JSON_ARRAYAGG(username ORDER BY role <> 'owner', seq) INTO members
       FROM memberships WHERE app_id = ? AND room_id = ?;
       UPDATE users u JOIN memberships m ON u.app_id = m.app_id AND u.username = m.username
       SET u.joined_count = u.joined_count - 1 WHERE m.app_id = ? AND m.room_id = ?;
       DELETE FROM rooms WHERE app_id = ? AND id = ?;
       UPDATE apps SET room_count = room_count - 1 WHERE id = ?;
       ${events(`?, 'DELETE', NULL, NULL`, `?, 'LEAVE', JSON_OBJECT('member', JSON_QUERY(members, '$'), 'type', 'DELETE'), NULL`)}
       SET ok = TRUE;
     END IF;
     ${END}
     SELECT ok;`,
    [appId, roomId, appId, roomId, appId, roomId, appId, roomId, appId, roomId, roomId],
  );
  return row['ok'] ? floor.envelope(appId, 'delete', { success: true, id: roomId }) : { error: 'refused' };
}

async function remove(roomId: string, username: string) {
  const row = await unit(
    `${BEGIN}
     DELETE FROM memberships WHERE app_id = ? AND room_id = ? AND username = ? AND role <> 'owner';
     IF ROW_COUNT() = 1 THEN
       UPDATE rooms SET member_count = (@n := member_count - 1) WHERE app_id = ? AND id = ?;
       UPDATE users SET joined_count = joined_count - 1 WHERE app_id = ? AND username = ?;
       DELETE FROM mutes WHERE app_id = ? AND room_id = ? AND username = ?;
       ${events(`?, 'LEAVE', JSON_OBJECT('member', JSON_ARRAY(?), 'type', 'KICK'), @n`)}
       SET ok = TRUE;
     END IF;
     ${END}
     SELECT ok;`,
    [appId, roomId, username, appId, roomId, appId, username, appId, roomId, username, roomId, username],
  );
  return row['ok']
    ? floor.envelope(appId, 'delete', { result: true, action: 'kick', user: username, id: roomId })
    : { error: 'refused' };
}

async function mute(roomId: string, body: { usernames: string[]; mute_duration: number }) {
  const expiresAt = Date.now() + body.mute_duration;
  const row = await unit(
    `DECLARE members INT;
     ${BEGIN}
     SELECT COUNT(*) INTO members FROM memberships WHERE app_id = ? AND room_id = ? AND username IN (?);
     IF members = ? THEN
       INSERT INTO mutes (app_id, room_id, username, expires_at)
       SELECT app_id, room_id, username, ? FROM memberships WHERE app_id = ? AND room_id = ? AND username IN (?)
       ON DUPLICATE KEY UPDATE expires_at = VALUES(expires_at), seq = NEXT VALUE FOR mute_seq;
       ${events(`?, 'MUTE', JSON_OBJECT('member', JSON_QUERY(?, '$'), 'expire_timestamp', ?, 'type', 'ADD'), NULL`)}
       SET ok = TRUE;
     END IF;
     ${END}
     SELECT ok;`,
    [
      appId,
      roomId,
      body.usernames,
      body.usernames.length,
      expiresAt,
      appId,
      roomId,
      body.usernames,
      roomId,
      JSON.stringify(body.usernames),
      expiresAt,
    ],
  );
  return row['ok']
    ? floor.envelope(
        appId,
        'post',
        body.usernames.map((user) => ({ result: true, expire: expiresAt, user })),
      )
    : { error: 'refused' };
}

/** Opens a unit: the refusal flag, the handler that rolls back on any error, the transaction. */
const BEGIN = `DECLARE ok BOOLEAN DEFAULT FALSE;
     DECLARE EXIT HANDLER FOR SQLEXCEPTION BEGIN ROLLBACK; RESIGNAL; END;
     START TRANSACTION;`;
/** Closes a unit: commits what passed every guard, rolls back what one refused. */
const END = 'IF ok THEN COMMIT; ELSE ROLLBACK; END IF;';

/**
 * Sends one compound statement (one round trip) and returns the row of its final SELECT; run
 * again after a deadlock (InnoDB has rolled it back whole), as the service's unit of work does.
 */
async function unit(body: string, params: unknown[]): Promise<RowDataPacket> {
  for (let attempt = 1; ; attempt++) {
    try {
      const [results] = await pool.query<RowDataPacket[][]>(`BEGIN NOT ATOMIC\n${body}\nEND`, params);
      return results.find((r) => Array.isArray(r))![0]!;
    } catch (error) {
      if (attempt >= MAX_ATTEMPTS || (error as { errno?: number }).errno !== DEADLOCK) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 5 * 2 ** attempt));
    }
  }
}

/**
 * The statements storing a write's events and their deliveries, as the service's outbox does:
 * each of `rows` is one event's `room_id, operation, payload, member_count`. The deliveries find
 * the rows just inserted by LAST_INSERT_ID() (the first of them; the rows of one multi-row
 * VALUES take consecutive values).
 */
function events(...rows: string[]): string {
  const values = rows.map(
    (row) => `(UUID(), '${appId}', '${floor.ORG}', '${floor.APP}', '@ppAdmin', ${NOW_MS}, ${row})`,
  );
  return `INSERT INTO room_events (id, app_id, org, app, operator, created_at, room_id, operation, payload, member_count)
       VALUES ${values.join(', ')};
       INSERT INTO event_deliveries (rule_id, event_seq, room_id, next_at)
       SELECT r.id, e.seq, e.room_id, e.created_at
       FROM room_events e JOIN event_rules r
         ON r.app_id = e.app_id AND (r.operations IS NULL OR JSON_CONTAINS(r.operations, JSON_QUOTE(e.operation)))
       WHERE e.seq >= LAST_INSERT_ID() AND e.seq < LAST_INSERT_ID() + ${rows.length};`;
}

floor.serveFloor({ details, list, create, add, transfer, remove, dissolve, mute }, () => pool.end());
