import { sql, type RawBuilder } from 'kysely';
import { usersInOrder } from './users-in-order.js';

export interface ReleaseOptions {
  /** Give the rooms their member slots back; false when the statement deletes the rooms anyway. */
  readonly rooms?: RawBuilder<boolean> | boolean;
  /** Which of the removed members get their joined-room slot back; default all of them. */
  readonly users?: RawBuilder<boolean>;
}

/**
 * The one way memberships leave (removal, leaving every room, dissolution, undoing a refused
 * addition): the CTEs `gone` (the deleted memberships: `room_id`, `username`, `role`, `seq`),
 * `rooms_left` (each room given back its member slots, with its `member_count` after) and
 * `users_left`, which give each room one member slot and each user one joined-room slot back
 * per membership deleted, in the same statement. The users' rows are locked in username order
 * (`users_released`, usersInOrder) before any of them is updated, as every statement that counts
 * users does, so that two releases over overlapping users queue instead of deadlocking; a
 * caller that deletes one of those users (a user's deletion) has its row locked in that order
 * too. Callers write `WITH ${releaseMemberships(…)}`
 * and select from `gone`. Rooms and users are updated only when something was deleted, so a
 * removal that finds nobody locks nothing. The callers hold the rooms' locks already (taken
 * before the memberships, as every write of a room does); a statement that also updates the
 * app's row does so after `users_left` (`AFTER_USERS_LEFT`), the order creates keep too.
 */
export function releaseMemberships(
  appId: string,
  where: RawBuilder<boolean>,
  options: ReleaseOptions = {},
): RawBuilder<unknown> {
  const rooms = options.rooms ?? true;
  const users = options.users ?? sql<boolean>`true`;
  return sql`
    gone AS (
      DELETE FROM memberships WHERE app_id = ${appId} AND ${where} RETURNING room_id, username, role, seq
    ), rooms_left AS (
      UPDATE rooms SET member_count = rooms.member_count - g.n
      FROM (SELECT room_id, count(*)::int AS n FROM gone GROUP BY room_id) AS g
      WHERE rooms.app_id = ${appId} AND rooms.id = g.room_id AND ${rooms}
      RETURNING rooms.id AS room_id, rooms.member_count
    ), ${usersInOrder(sql`${appId}`, 'gone', 'users_released')}, users_left AS (
      UPDATE users SET joined_count = users.joined_count - g.n
      FROM (SELECT username, count(*)::int AS n FROM gone GROUP BY username) AS g
      WHERE users.app_id = ${appId} AND users.username = g.username AND ${users}
        AND users.username IN (SELECT username FROM users_released)
      RETURNING users.username
    )`;
}

/**
 * A condition that PostgreSQL can only evaluate once `users_left` has run to its end (an
 * aggregate over all of it, computed before the first row of the UPDATE that reads it): an
 * update of the app's row (its room_count) guarded by it locks that row after the users' rows,
 * in the order every write takes them: room, memberships, users, app.
 */
export const AFTER_USERS_LEFT = sql<boolean>`(SELECT count(*) FROM users_left) >= 0`;
