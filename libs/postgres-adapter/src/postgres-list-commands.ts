import type {
  AllowCommand,
  BlockCommand,
  ListCommands,
  ListTargets,
  ListTargetStatus,
  Outcome,
  RemoveFromListCommand,
  RemoveMembersCommand,
  RoomUserList,
  SuperAdminCommand,
  UserId,
} from '@chatroom/domain';
import { sql, type RawBuilder } from 'kysely';
import { commandEvents } from './command-events.js';
import { CommandStatements, leftBehind, lockedRoom, refusal, type Answer } from './postgres-command-statement.js';
import { releaseMemberships } from './release-memberships.js';
import { textArray } from './sql-arrays.js';
import { usersInOrder } from './users-in-order.js';

/** The users a block or an allowlist addition acted on, as asked (repeats kept): its event's `member`. */
const ASKED_OK = sql`jsonb_build_object('member', (SELECT jsonb_agg(username ORDER BY ord) FROM status WHERE status = 'ok'))`;

/** What a command naming several users gives `targetStatuses`. */
type Targeted = Pick<BlockCommand, 'appId' | 'roomId' | 'usernames' | 'allOrNothing'>;

/** The answer of a block or an allowlist addition: each user's status, as asked. */
type TargetsAnswer = Answer & { statuses: ListTargetStatus[] };

/**
 * The list commands, each ONE statement as the room commands are (PostgresRoomCommands): guards,
 * writes, events and the answer naming the guard that refused. Blocks and allowlist additions
 * decide on the memberships the statement's snapshot shows, so they lock the room and answer
 * `stale` when a commit changed it while they waited (`lockedRoom`); a removal from a list and
 * the super admins act on the latest committed rows and need no such check.
 */
export class PostgresListCommands extends CommandStatements implements ListCommands {
  /**
   * On the locked room: the members among the users leave as a removal's do (memberships,
   * member slots, joined-room slots, mutes, allowlist entries, auto-delete attributes) and go on
   * the blocklist; the room's row takes the member count and the block_seq bump in one UPDATE
   * (a row is updated once per statement), which tells an addition that waited for the room
   * that its snapshot missed the block. The users' counters are locked in username order
   * (`users_locked`, read by `users_left`'s guard) after the room.
   */
  async block(c: BlockCommand): Promise<Outcome<ListTargets>> {
    const { appId, roomId } = c;
    const answer = await this.answer<TargetsAnswer>(sql`
      WITH ${lockedRoom(appId, roomId)}, ${targetStatuses(c, true)}, ${chosenLeave(appId, roomId, true)},
      ${listed(c, 'blocklist')}, ${commandEvents([
        {
          event: c.blocked,
          when: sql`EXISTS (SELECT 1 FROM gone)`,
          patch: ASKED_OK,
        },
        { event: c.left, when: sql`EXISTS (SELECT 1 FROM gone)`, patch: CHOSEN, memberCount: COUNT_AFTER },
      ])}
      ${targetsAnswer(c.allOrNothing)}
    `);
    return targetsOutcome(answer);
  }

  /** On the locked room: the members among the users (not the owner) leave, as a block's do. */
  async removeMembers(c: RemoveMembersCommand): Promise<Outcome<ListTargets>> {
    const { appId, roomId } = c;
    const each = { ...c, allOrNothing: false };
    const answer = await this.answer<TargetsAnswer>(sql`
      WITH ${lockedRoom(appId, roomId)}, ${targetStatuses(each, true)}, ${chosenLeave(appId, roomId, false)},
      ${commandEvents([{ event: c.left, when: sql`EXISTS (SELECT 1 FROM gone)`, patch: CHOSEN, memberCount: COUNT_AFTER }])}
      ${targetsAnswer(false)}
    `);
    return targetsOutcome(answer);
  }

  /** On the locked room: the members among the users go on the allowlist. */
  async allow(c: AllowCommand): Promise<Outcome<ListTargets>> {
    const { appId, roomId } = c;
    const answer = await this.answer<TargetsAnswer>(sql`
      WITH ${lockedRoom(appId, roomId)}, ${targetStatuses(c, false)}, ${listed(c, 'allowlist')},
      ${commandEvents([{ event: c.allowed, when: sql`EXISTS (SELECT 1 FROM chosen)`, patch: ASKED_OK }])}
      ${targetsAnswer(c.allOrNothing)}
    `);
    return targetsOutcome(answer);
  }

  /**
   * The entries deleted once the room is held (the DELETE's one-time condition reads `locked`
   * before it scans the list), on the latest committed rows: nothing read earlier can be stale.
   */
  async removeFromList(c: RemoveFromListCommand): Promise<Outcome<{ removed: UserId[] }>> {
    const { appId, roomId } = c;
    const answer = await this.answer<Answer & { removed: string[] }>(sql`
      WITH locked AS MATERIALIZED (
        SELECT 1 FROM rooms WHERE app_id = ${appId} AND id = ${roomId} FOR UPDATE
      ), wanted AS (
        SELECT w.username, w.ord FROM unnest(${textArray(c.usernames)}) WITH ORDINALITY AS w (username, ord)
      ), taken_off AS (
        DELETE FROM room_user_lists
        WHERE app_id = ${appId} AND room_id = ${roomId} AND list = ${c.list}
          AND username IN (SELECT username FROM wanted) AND EXISTS (SELECT 1 FROM locked)
        RETURNING username
      ), named AS (
        SELECT w.username, min(w.ord) AS ord FROM wanted w
        WHERE w.username IN (SELECT username FROM taken_off) GROUP BY w.username
      ), ${commandEvents([
        {
          event: c.removed,
          when: sql`EXISTS (SELECT 1 FROM taken_off)`,
          patch: sql`jsonb_build_object('member', (SELECT jsonb_agg(username ORDER BY ord) FROM named))`,
        },
      ])}
      SELECT
        CASE WHEN NOT EXISTS (SELECT 1 FROM locked) THEN 'room-missing' ELSE 'ok' END AS outcome,
        NULL::text AS username,
        EXISTS (SELECT 1 FROM ev) AS stored,
        ARRAY(SELECT username FROM named ORDER BY ord) AS removed
    `);
    if (answer.outcome !== 'ok') return refusal(answer);
    return { removed: answer.removed as UserId[] };
  }

  /** The super admin's row inserted (kept if there) or deleted, when the user exists. */
  async setSuperAdmin(c: SuperAdminCommand): Promise<Outcome<Record<never, never>>> {
    const { appId, username } = c;
    const add = c.change === 'ADD';
    const answer = await this.answer(sql`
      WITH user_ok AS (
        SELECT 1 FROM users WHERE app_id = ${appId} AND username = ${username}
      ), added AS (
        INSERT INTO super_admins (app_id, username)
        SELECT ${appId}::uuid, ${username}::text WHERE ${add} AND EXISTS (SELECT 1 FROM user_ok)
        ON CONFLICT (app_id, username) DO NOTHING
      ), removed AS (
        DELETE FROM super_admins
        WHERE app_id = ${appId} AND username = ${username} AND ${!add} AND EXISTS (SELECT 1 FROM user_ok)
      ), ${commandEvents([{ event: c.changed, when: sql`EXISTS (SELECT 1 FROM user_ok)` }])}
      SELECT
        CASE WHEN NOT EXISTS (SELECT 1 FROM user_ok) THEN 'user-missing' ELSE 'ok' END AS outcome,
        ${username}::text AS username,
        EXISTS (SELECT 1 FROM ev) AS stored
    `);
    if (answer.outcome !== 'ok') return refusal(answer);
    return {};
  }
}

/**
 * `wanted` (the users as asked, repeats kept), `status` (each one's ListTargetStatus on the
 * room, from the snapshot: under `fresh` its memberships are the room's; the owner from the
 * locked row), `fault` (the first user who is not `ok`), `go` (the command goes ahead: the room
 * is fresh, and no fault refuses it) and `chosen` (the users it acts on, once each, with the
 * place first asked).
 */
function targetStatuses(c: Targeted, ownerRefused: boolean): RawBuilder<unknown> {
  const { appId, roomId, usernames } = c;
  return sql`
    wanted AS (
      SELECT w.username, w.ord FROM unnest(${textArray(usernames)}) WITH ORDINALITY AS w (username, ord)
    ), status AS (
      SELECT w.username, w.ord,
        CASE
          WHEN NOT EXISTS (SELECT 1 FROM users u WHERE u.app_id = ${appId} AND u.username = w.username) THEN 'user-missing'
          WHEN ${ownerRefused} AND w.username = (SELECT owner FROM locked) THEN 'owner'
          WHEN NOT EXISTS (
            SELECT 1 FROM memberships m WHERE m.app_id = ${appId} AND m.room_id = ${roomId} AND m.username = w.username
          ) THEN 'not-member'
          ELSE 'ok'
        END AS status
      FROM wanted w
    ), fault AS (
      SELECT username, status FROM status WHERE status <> 'ok' ORDER BY ord LIMIT 1
    ), go AS (
      SELECT 1 FROM fresh WHERE NOT (${c.allOrNothing} AND EXISTS (SELECT 1 FROM fault))
    ), chosen AS (
      SELECT username, min(ord) AS ord FROM status WHERE status = 'ok' AND EXISTS (SELECT 1 FROM go) GROUP BY username
    )`;
}

/**
 * The `chosen` members leave as a removal's do (memberships, member slots, joined-room slots,
 * mutes, allowlist entries, auto-delete attributes); the room's row takes the member count (and
 * a block's block_seq bump) in one UPDATE, `room_after`. The users' counters are locked in
 * username order (`users_locked`, read by `users_left`'s guard) after the room.
 */
function chosenLeave(appId: string, roomId: string, block: boolean): RawBuilder<unknown> {
  return sql`${usersInOrder(sql`${appId}`, 'chosen')}, ${releaseMemberships(
    appId,
    sql`room_id = ${roomId} AND username IN (SELECT username FROM chosen)`,
    { rooms: false, users: sql<boolean>`(SELECT count(*) FROM users_locked) >= 0` },
  )}, room_after AS (
      UPDATE rooms SET member_count = member_count - (SELECT count(*) FROM gone),
        block_seq = block_seq + ${block ? 1 : 0}
      WHERE app_id = ${appId} AND id = ${roomId} AND EXISTS (SELECT 1 FROM gone)
      RETURNING member_count
    ), ${leftBehind(appId, roomId)}`;
}

/** The members who left, as asked: a `LEAVE` event's `member`. */
const CHOSEN = sql`jsonb_build_object('member', (SELECT jsonb_agg(username ORDER BY ord) FROM chosen))`;
/** The room's member count after the leaving: a `LEAVE` event's count. */
const COUNT_AFTER = sql<number | null>`(SELECT member_count FROM room_after)`;

/**
 * `listed`: the users `chosen` put on the list in the order asked; those on it already keep
 * their place (ON CONFLICT also covers a concurrent command putting them there).
 */
function listed(c: BlockCommand | AllowCommand, list: RoomUserList): RawBuilder<unknown> {
  return sql`
    listed AS (
      INSERT INTO room_user_lists (app_id, room_id, list, username)
      SELECT ${c.appId}::uuid, ${c.roomId}::text, ${list}::text, f.username FROM chosen f
      ORDER BY f.ord
      ON CONFLICT (app_id, room_id, list, username) DO NOTHING
    )`;
}

/** The last SELECT of a block or an allowlist addition. */
function targetsAnswer(allOrNothing: boolean): RawBuilder<unknown> {
  return sql`
    SELECT
      CASE
        WHEN NOT EXISTS (SELECT 1 FROM locked) THEN 'room-missing'
        WHEN NOT EXISTS (SELECT 1 FROM fresh) THEN 'stale'
        WHEN ${allOrNothing} AND EXISTS (SELECT 1 FROM fault) THEN (SELECT status FROM fault)
        ELSE 'ok'
      END AS outcome,
      (SELECT username FROM fault) AS username,
      EXISTS (SELECT 1 FROM ev) AS stored,
      ARRAY(SELECT status FROM status ORDER BY ord) AS statuses`;
}

function targetsOutcome(answer: TargetsAnswer): Outcome<ListTargets> {
  if (answer.outcome !== 'ok') return refusal(answer, [answer.username as UserId]);
  return { statuses: answer.statuses };
}
