import type { DeleteUserCommand, RoomEvent } from '@chatroom/domain';
import { sql, type RawBuilder } from 'kysely';
import { eventDeliveries, NOW_MS } from './command-events.js';
import { AFTER_USERS_LEFT, releaseMemberships } from './release-memberships.js';

/** What the statement of a user's deletion answers besides the outcome: the user's row. */
export interface DeletedUserRow {
  uuid: string | null;
  password_hash: string | null;
  nickname: string | null;
  created: number | null;
  modified: number | null;
}

/**
 * A user's deletion as ONE statement, in the lock order of every write: the user's rooms (those
 * they are a member of and those they own, in id order), then the memberships (the user's, and
 * every membership of a room they own), then the users' rows (usersInOrder, in releaseMemberships:
 * the members whose slot comes back and the user deleted), then the app's row. `locked` gives
 * each room's owner as the latest commit left it: the rooms the user owns then are dissolved
 * (as `dissolve` does), the others left. `fresh` requires no locked room to have changed while
 * the statement waited for it (every membership change rewrites the room's row), so the
 * memberships the snapshot shows are the rooms'; otherwise it answers `stale`, and the caller
 * runs it again with the rooms locked first (lockRoomFirst). A membership added to a room the
 * snapshot does not show makes the user's DELETE fail its foreign key, and the command run again.
 */
export function deleteUserStatement(c: DeleteUserCommand): RawBuilder<unknown> {
  const { appId, username } = c;
  const owned = sql<boolean>`room_id IN (SELECT id FROM owned)`;
  return sql`
    WITH target AS (
      SELECT uuid, password_hash, nickname, created, modified FROM users WHERE app_id = ${appId} AND username = ${username}
    ), locked AS MATERIALIZED (
      SELECT id, owner, xmin::text AS version FROM rooms
      WHERE app_id = ${appId} AND EXISTS (SELECT 1 FROM target)
        AND (owner = ${username} OR id IN (SELECT room_id FROM memberships WHERE app_id = ${appId} AND username = ${username}))
      ORDER BY id
      FOR UPDATE
    ), fresh AS (
      SELECT 1 FROM target WHERE NOT EXISTS (
        SELECT 1 FROM locked l JOIN rooms r ON r.app_id = ${appId} AND r.id = l.id WHERE r.xmin::text <> l.version
      )
    ), owned AS (
      SELECT id FROM locked WHERE owner = ${username} AND EXISTS (SELECT 1 FROM fresh)
    ), ${releaseMemberships(
      appId,
      sql`EXISTS (SELECT 1 FROM fresh) AND room_id IN (SELECT id FROM locked) AND (${owned} OR username = ${username})`,
      {
        rooms: sql<boolean>`rooms.id NOT IN (SELECT id FROM owned)`,
        users: sql<boolean>`users.username <> ${username}`,
      },
    )}, dropped AS (
      DELETE FROM rooms WHERE app_id = ${appId} AND id IN (SELECT id FROM owned) RETURNING id
    ), user_gone AS (
      DELETE FROM users WHERE app_id = ${appId} AND username = ${username} AND EXISTS (SELECT 1 FROM fresh) AND ${AFTER_USERS_LEFT}
      RETURNING 1
    ), quota AS (
      UPDATE apps SET room_count = room_count - (SELECT count(*) FROM dropped)
      WHERE id = ${appId} AND EXISTS (SELECT 1 FROM dropped) AND (SELECT count(*) FROM user_gone) >= 0
    ), ${userEvents(c)}
    SELECT
      CASE WHEN NOT EXISTS (SELECT 1 FROM target) THEN 'user-missing' WHEN NOT EXISTS (SELECT 1 FROM fresh) THEN 'stale'
        WHEN NOT EXISTS (SELECT 1 FROM user_gone) THEN 'user-missing' ELSE 'ok' END AS outcome,
      ${username}::text AS username, EXISTS (SELECT 1 FROM ev) AS stored,
      t.uuid, t.password_hash, t.nickname, t.created, t.modified
    FROM (SELECT 1) AS one LEFT JOIN target t ON true
  `;
}

/**
 * `ev`: a `LEAVE`/`KICK` for each room left (with its count after), then for each room
 * dissolved, in id order, its `DELETE` and its `LEAVE`/`DELETE` listing the members it had
 * (owner first), as `dissolve` writes them; `ev_sent`: their deliveries.
 */
function userEvents(c: DeleteUserCommand): RawBuilder<unknown> {
  const [gone, members] = c.dissolved;
  const row = (e: RoomEvent, group: number, ord: number, room: string, patch: RawBuilder<unknown>, count: string) =>
    sql`SELECT ${group}::int AS grp, ${sql.ref(room)} AS room_id, ${ord}::int AS ord, ${e.appId}::uuid AS app_id,
        ${e.org}::text AS org, ${e.app}::text AS app, ${e.operation}::text AS operation, ${e.operator}::text AS operator,
        ${e.payload === undefined ? sql`NULL::jsonb` : sql`${JSON.stringify(e.payload)}::jsonb || ${patch}`} AS payload,
        ${sql.raw(count)}::integer AS member_count`;
  return sql`
    ev AS (
      INSERT INTO room_events (app_id, org, app, room_id, operation, operator, payload, member_count, created_at)
      SELECT v.app_id, v.org, v.app, v.room_id, v.operation, v.operator, v.payload, v.member_count, ${NOW_MS}
      FROM (
        ${row(c.left, 0, 0, 'l.room_id', sql`'{}'::jsonb`, 'l.member_count')} FROM rooms_left l
        UNION ALL ${row(gone, 1, 0, 'd.id', sql`'{}'::jsonb`, 'NULL')} FROM dropped d
        UNION ALL ${row(members, 1, 1, 'd.id', sql`jsonb_build_object('member', m.member)`, 'NULL')} FROM dropped d JOIN (
          SELECT room_id, jsonb_agg(username ORDER BY role <> 'owner', seq) AS member FROM gone GROUP BY room_id
        ) m ON m.room_id = d.id
      ) AS v
      ORDER BY v.grp, v.room_id, v.ord
      RETURNING seq, app_id, room_id, operation, created_at
    ), ${eventDeliveries()}`;
}
