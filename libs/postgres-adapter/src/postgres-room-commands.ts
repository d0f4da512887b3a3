import type {
  AddMembersCommand,
  CreateRoomCommand,
  DissolveCommand,
  MuteCommand,
  Outcome,
  PromoteAdminCommand,
  RemoveMemberCommand,
  RoomEvent,
  RoomCommands,
  RoomSettingsCommands,
  SetAdminCommand,
  TransferCommand,
  UnmuteCommand,
  UpdateRoomCommand,
  UserCommands,
  UserId,
} from '@chatroom/domain';
import { sql, type Kysely, type RawBuilder } from 'kysely';
import { commandEvents } from './command-events.js';
import { leftBehind, lockedRoom, refusal } from './postgres-command-statement.js';
import { PostgresListCommands } from './postgres-list-commands.js';
import { AFTER_USERS_LEFT, releaseMemberships } from './release-memberships.js';
import type { Database } from './schema/database.js';
import { textArray } from './sql-arrays.js';
import { touchedRoom } from './touched-room.js';
import { usersInOrder } from './users-in-order.js';

/** Locks the command's room (a user's: their rooms): the statement sent next on that transaction then sees it as it is. */
export async function lockRoomFirst(db: Kysely<Database>, command: object): Promise<void> {
  if (!('roomId' in command) && 'username' in command && 'appId' in command) {
    // A user's deletion: every room of the user, in id order (as its statement locks them).
    const { appId, username } = command as { appId: string; username: string };
    await sql`SELECT 1 FROM rooms WHERE app_id = ${appId} AND (owner = ${username} OR id IN (
      SELECT room_id FROM memberships WHERE app_id = ${appId} AND username = ${username})) ORDER BY id FOR UPDATE`.execute(
      db,
    );
    return;
  }
  if (!('roomId' in command) || !('appId' in command)) return;
  await sql`SELECT 1 FROM rooms WHERE app_id = ${command.appId as string} AND id = ${command.roomId as string} FOR UPDATE`.execute(
    db,
  );
}

/**
 * A user the snapshot shows whose row was deleted before `users_locked` reached it (a user's
 * deletion committed meanwhile): not counted, but not at the cap either. The statement is stale,
 * and runs again on a snapshot where the user is missing.
 */
const userGone = (from: 'joined' | 'inserted') =>
  sql`WHEN EXISTS (SELECT 1 FROM ${sql.table(from)} x WHERE x.username NOT IN (SELECT username FROM users_locked)) THEN chatroom_guard('stale', NULL)`;

/** The first answers of a command on a locked room (lockedRoom) that names a user (`user_ok`). */
const ROOM_THEN_USER = sql`
          WHEN NOT EXISTS (SELECT 1 FROM locked) THEN 'room-missing'
          WHEN NOT EXISTS (SELECT 1 FROM fresh) THEN 'stale'
          WHEN NOT EXISTS (SELECT 1 FROM user_ok) THEN 'user-missing'`;

/**
 * The guarded commands, each ONE statement: data-modifying CTEs that check the guards, write,
 * store the events with their deliveries, and answer which guard refused. Run on the pool the
 * statement commits on its own (autocommit: one round trip). Where the statement reads what a
 * concurrent commit may have changed while it waited for a lock (every read of one statement
 * sees the snapshot taken when it began), it compares the locked row with its snapshot and
 * answers `stale`, and the caller runs it again (as after a serialization failure).
 * `storedEvents` tells the caller whether the last command stored events.
 */
export class PostgresRoomCommands
  extends PostgresListCommands
  implements Omit<RoomCommands, keyof (RoomSettingsCommands & UserCommands)>
{
  /**
   * The id drawn from room_seq (unless given), the room inserted with its member count, the
   * memberships and each user's guarded joined_count, the app's guarded room_count, and the
   * events, in one statement: the app's row (which every create of the app queues on) is held
   * for the end of that statement and its commit only. A guard that refuses after something was counted
   * raises, undoing the statement.
   */
  async createRoom(c: CreateRoomCommand): Promise<Outcome<{ id: string }>> {
    const { room } = c;
    const users = textArray([room.owner, ...c.members]);
    const answer = await this.answer<{ id: string | null }>(sql`
      WITH wanted AS (
        SELECT w.username, w.ord FROM unnest(${users}) WITH ORDINALITY AS w (username, ord)
      ), missing AS (
        SELECT w.username FROM wanted w
        WHERE NOT EXISTS (SELECT 1 FROM users u WHERE u.app_id = ${room.appId} AND u.username = w.username)
        ORDER BY w.ord LIMIT 1
      ), drawn AS (
        SELECT nextval('room_seq') AS seq WHERE NOT EXISTS (SELECT 1 FROM missing)
      ), room AS (
        INSERT INTO rooms (app_id, id, seq, name, description, max_users, owner, custom, created, mute_all, member_count)
        SELECT ${room.appId}::uuid, coalesce(${room.id ?? null}::text, d.seq::text), d.seq, ${room.name}, ${room.description},
               ${room.maxUsers}, ${room.owner}, ${room.custom}, ${room.created}, ${room.muteAll}, ${1 + c.members.length}
        FROM drawn d
        ON CONFLICT (app_id, id) DO NOTHING
        RETURNING id
      ), joined AS (
        INSERT INTO memberships (app_id, room_id, username, role)
        SELECT ${room.appId}::uuid, r.id, w.username, CASE WHEN w.ord = 1 THEN 'owner' ELSE 'member' END
        FROM room r, wanted w
        ORDER BY w.ord
        RETURNING username
      ), ${usersInOrder(sql`${room.appId}`, 'joined')}, counted AS (
        UPDATE users SET joined_count = joined_count + 1
        WHERE app_id = ${room.appId} AND username IN (SELECT username FROM users_locked) AND joined_count + 1 <= ${c.joinedRoomCap}
        RETURNING username
      ), quota AS (
        -- After every user's row (the aggregate reads all of counted first): the app's row comes
        -- last, as in every write (room, memberships, users, app), and is held the shortest.
        UPDATE apps SET room_count = room_count + 1
        WHERE id = ${room.appId} AND EXISTS (SELECT 1 FROM room) AND room_count + 1 <= ${c.roomQuota}
          AND (SELECT count(*) FROM counted) >= 0
        RETURNING 1
      ), uncounted AS (
        SELECT w.username FROM wanted w
        WHERE w.username IN (SELECT username FROM joined) AND w.username NOT IN (SELECT username FROM counted)
        ORDER BY w.ord LIMIT 1
      ), ${commandEvents(
        c.created.map((event) => ({
          event,
          when: sql<boolean>`EXISTS (SELECT 1 FROM quota) AND NOT EXISTS (SELECT 1 FROM uncounted)`,
          roomId: sql<string>`(SELECT id FROM room)`,
        })),
      )}
      SELECT
        CASE
          WHEN EXISTS (SELECT 1 FROM missing) THEN 'user-missing'
          WHEN NOT EXISTS (SELECT 1 FROM room) THEN 'id-taken'
          WHEN NOT EXISTS (SELECT 1 FROM quota) THEN chatroom_guard('quota-exceeded', NULL)
          ${userGone('joined')}
          WHEN EXISTS (SELECT 1 FROM uncounted) THEN chatroom_guard('user-cap', (SELECT username FROM uncounted))
          ELSE 'ok'
        END AS outcome,
        (SELECT username FROM missing) AS username,
        EXISTS (SELECT 1 FROM ev) AS stored,
        coalesce((SELECT id FROM room), ${room.id ?? null}::text, (SELECT seq::text FROM drawn)) AS id
    `);
    if (answer.outcome === 'id-taken') return { refused: 'id-taken', id: answer.id ?? '' };
    if (answer.outcome !== 'ok') return refusal(answer);
    return { id: answer.id! };
  }

  /**
   * The room is locked first (`locked`: the latest committed row, whatever the statement's
   * snapshot shows; FOR NO KEY UPDATE, the lock its counter's UPDATE takes anyway, which queues
   * behind a unit's or another command's lock on the room), and everything else hangs on it
   * through `go`: the membership inserts, the counters and the events read `go`, so PostgreSQL
   * cannot start them before it holds the room. Data-modifying CTEs of one statement otherwise run in no promised order, and
   * a unit of work that locks the room and then deletes memberships (a block) would wait on an
   * insert that itself waits on the room. Every write of a room thus takes the room, then its
   * memberships, then the users' counters.
   * The memberships are inserted with ON CONFLICT, which checks the latest committed rows; the
   * room's and the users' counters are bumped by guarded UPDATEs that re-check their guard on
   * the latest committed row (READ COMMITTED re-evaluation): caps hold whatever runs at once.
   * The blocklist is read from the snapshot, so `go` also requires the block_seq the snapshot
   * shows to be the locked row's: a block committed while the statement waited makes it stale.
   * When one counter refuses after the other counted, `chatroom_guard` raises, which undoes the
   * whole statement: all or nothing, in one round trip.
   */
  async addMembers(c: AddMembersCommand): Promise<Outcome<{ added: UserId[]; memberCount?: number }>> {
    const wanted = textArray([...new Set(c.usernames)]);
    const { appId, roomId } = c;
    const answer = await this.answer<{ added: string[]; member_count: number | null }>(sql`
      WITH locked AS MATERIALIZED (
        SELECT block_seq FROM rooms WHERE app_id = ${appId} AND id = ${roomId} FOR NO KEY UPDATE
      ), snap AS (
        SELECT block_seq FROM rooms WHERE app_id = ${appId} AND id = ${roomId}
      ), wanted AS (
        SELECT w.username, w.ord FROM unnest(${wanted}) WITH ORDINALITY AS w (username, ord)
      ), missing AS (
        SELECT w.username FROM wanted w
        WHERE NOT EXISTS (SELECT 1 FROM users u WHERE u.app_id = ${appId} AND u.username = w.username)
        ORDER BY w.ord LIMIT 1
      ), blocked AS (
        SELECT w.username FROM wanted w JOIN room_user_lists l
          ON l.app_id = ${appId} AND l.room_id = ${roomId} AND l.list = 'blocklist' AND l.username = w.username
        ORDER BY w.ord LIMIT 1
      ), go AS (
        SELECT 1 FROM locked l JOIN snap s ON s.block_seq = l.block_seq
        WHERE NOT EXISTS (SELECT 1 FROM missing) AND NOT EXISTS (SELECT 1 FROM blocked)
      ), inserted AS (
        INSERT INTO memberships (app_id, room_id, username, role)
        SELECT ${appId}::uuid, ${roomId}::text, w.username, 'member' FROM wanted w
        WHERE EXISTS (SELECT 1 FROM go)
        ORDER BY w.ord
        ON CONFLICT (app_id, room_id, username) DO NOTHING
        RETURNING username, seq
      ), n AS (
        SELECT count(*)::int AS n FROM inserted
      ), room AS (
        UPDATE rooms SET member_count = member_count + (SELECT n FROM n)
        WHERE app_id = ${appId} AND id = ${roomId} AND (SELECT n FROM n) > 0
          AND member_count + (SELECT n FROM n) <= max_users
        RETURNING member_count
      ), ${usersInOrder(sql`${appId}`, 'inserted')}, counted AS (
        UPDATE users SET joined_count = joined_count + 1
        WHERE app_id = ${appId} AND username IN (SELECT username FROM users_locked)
          AND joined_count + 1 <= ${c.joinedRoomCap}
        RETURNING username
      ), uncounted AS (
        SELECT i.username FROM inserted i WHERE i.username NOT IN (SELECT username FROM counted) ORDER BY i.seq LIMIT 1
      ), ${commandEvents([
        {
          event: c.joined,
          when: sql`EXISTS (SELECT 1 FROM room) AND NOT EXISTS (SELECT 1 FROM uncounted)`,
          patch: sql`jsonb_build_object('member', (SELECT jsonb_agg(username ORDER BY seq) FROM inserted))`,
          memberCount: sql`(SELECT member_count FROM room)`,
        },
      ])}
      SELECT
        CASE
          WHEN NOT EXISTS (SELECT 1 FROM locked) THEN 'room-missing'
          WHEN NOT EXISTS (SELECT 1 FROM snap s JOIN locked l ON s.block_seq = l.block_seq) THEN 'stale'
          WHEN EXISTS (SELECT 1 FROM missing) THEN 'user-missing'
          WHEN EXISTS (SELECT 1 FROM blocked) THEN 'blocked'
          WHEN (SELECT n FROM n) = 0 THEN 'ok'
          -- Under the room's lock the counter's guard alone can refuse.
          WHEN NOT EXISTS (SELECT 1 FROM room) THEN chatroom_guard('room-full', NULL)
          ${userGone('inserted')}
          WHEN EXISTS (SELECT 1 FROM uncounted) THEN chatroom_guard('user-cap', (SELECT username FROM uncounted))
          ELSE 'ok'
        END AS outcome,
        coalesce((SELECT username FROM missing), (SELECT username FROM blocked)) AS username,
        EXISTS (SELECT 1 FROM ev) AS stored,
        ARRAY(SELECT username FROM inserted ORDER BY seq) AS added,
        (SELECT member_count FROM room) AS member_count
    `);
    if (answer.outcome !== 'ok') return refusal(answer);
    const added = answer.added as UserId[];
    return answer.member_count === null ? { added } : { added, memberCount: answer.member_count };
  }

  /** The room locked, then the membership and everything that goes with it, in one statement. */
  async removeMember(c: RemoveMemberCommand): Promise<Outcome<{ memberCount: number }>> {
    const { appId, roomId, username } = c;
    const answer = await this.answer<{ member_count: number | null }>(sql`
      WITH ${lockedRoom(appId, roomId)}, user_ok AS (
        SELECT 1 FROM users WHERE app_id = ${appId} AND username = ${username}
      ), go AS (
        SELECT 1 FROM fresh WHERE owner <> ${username} AND EXISTS (SELECT 1 FROM user_ok)
      ), ${releaseMemberships(appId, sql`room_id = ${roomId} AND username = ${username} AND EXISTS (SELECT 1 FROM go)`)},
      ${leftBehind(appId, roomId)}, ${commandEvents([
        {
          event: c.left,
          when: sql`EXISTS (SELECT 1 FROM gone)`,
          memberCount: sql`(SELECT member_count FROM rooms_left)`,
        },
      ])}
      SELECT
        CASE
          ${ROOM_THEN_USER}
          WHEN (SELECT owner FROM fresh) = ${username} THEN 'owner'
          WHEN NOT EXISTS (SELECT 1 FROM gone) THEN 'not-member'
          ELSE 'ok'
        END AS outcome,
        ${username}::text AS username,
        EXISTS (SELECT 1 FROM ev) AS stored,
        (SELECT member_count FROM rooms_left) AS member_count
    `);
    if (answer.outcome !== 'ok') return refusal(answer, [username]);
    return { memberCount: answer.member_count! };
  }

  /**
   * Demote, promote and rename in one statement on the locked room. The one-owner index is
   * checked row by row, so the old owner stops being one first: `promoted` reads `demoted`.
   */
  async transfer(c: TransferCommand): Promise<Outcome<{ from: UserId }>> {
    const { appId, roomId, newOwner } = c;
    const answer = await this.answer<{ from: string | null }>(sql`
      WITH ${lockedRoom(appId, roomId)}, user_ok AS (
        SELECT 1 FROM users WHERE app_id = ${appId} AND username = ${newOwner}
      ), target AS (
        SELECT 1 FROM memberships WHERE app_id = ${appId} AND room_id = ${roomId} AND username = ${newOwner}
      ), go AS (
        SELECT owner FROM fresh
        WHERE owner <> ${newOwner} AND EXISTS (SELECT 1 FROM user_ok) AND EXISTS (SELECT 1 FROM target)
      ), demoted AS (
        UPDATE memberships SET role = 'member'
        WHERE app_id = ${appId} AND room_id = ${roomId} AND username = (SELECT owner FROM go) AND role = 'owner'
        RETURNING 1
      ), promoted AS (
        UPDATE memberships SET role = 'owner'
        WHERE app_id = ${appId} AND room_id = ${roomId} AND username = ${newOwner} AND EXISTS (SELECT 1 FROM demoted)
        RETURNING 1
      ), named AS (
        UPDATE rooms SET owner = ${newOwner}
        WHERE app_id = ${appId} AND id = ${roomId} AND EXISTS (SELECT 1 FROM promoted)
      ), ${commandEvents([
        {
          event: c.transferred,
          when: sql`EXISTS (SELECT 1 FROM promoted)`,
          patch: sql`jsonb_build_object('owner', (SELECT owner FROM go))`,
        },
      ])}
      SELECT
        CASE
          ${ROOM_THEN_USER}
          WHEN (SELECT owner FROM fresh) = ${newOwner} THEN 'same-owner'
          WHEN NOT EXISTS (SELECT 1 FROM target) THEN 'not-member'
          WHEN NOT EXISTS (SELECT 1 FROM promoted) THEN 'stale'
          ELSE 'ok'
        END AS outcome,
        ${newOwner}::text AS username,
        EXISTS (SELECT 1 FROM ev) AS stored,
        (SELECT owner FROM go) AS from
    `);
    if (answer.outcome !== 'ok') return refusal(answer, [newOwner]);
    return { from: answer.from as UserId };
  }

  /**
   * On the locked room: every member's slot given back, the room deleted (its lists, mutes and
   * attributes go with it: ON DELETE CASCADE), its slot in the app quota given back.
   */
  async dissolve(c: DissolveCommand): Promise<Outcome<{ members: UserId[] }>> {
    const { appId, roomId } = c;
    const [gone, left] = c.dissolved;
    const answer = await this.answer<{ members: string[] }>(sql`
      WITH ${lockedRoom(appId, roomId)},
      ${releaseMemberships(appId, sql`room_id = ${roomId} AND EXISTS (SELECT 1 FROM fresh)`, { rooms: false })},
      dropped AS (
        DELETE FROM rooms WHERE app_id = ${appId} AND id = ${roomId} AND EXISTS (SELECT 1 FROM fresh) RETURNING id
      ), quota AS (
        UPDATE apps SET room_count = room_count - 1 WHERE id = ${appId} AND EXISTS (SELECT 1 FROM dropped) AND ${AFTER_USERS_LEFT}
      ), ${commandEvents([
        { event: gone, when: sql`EXISTS (SELECT 1 FROM dropped)` },
        {
          event: left,
          when: sql`EXISTS (SELECT 1 FROM dropped) AND EXISTS (SELECT 1 FROM gone)`,
          patch: sql`jsonb_build_object('member', (SELECT jsonb_agg(username ORDER BY role <> 'owner', seq) FROM gone))`,
        },
      ])}
      SELECT
        CASE
          WHEN NOT EXISTS (SELECT 1 FROM locked) THEN 'room-missing'
          WHEN NOT EXISTS (SELECT 1 FROM dropped) THEN 'stale'
          ELSE 'ok'
        END AS outcome,
        NULL::text AS username,
        EXISTS (SELECT 1 FROM ev) AS stored,
        ARRAY(SELECT username FROM gone ORDER BY role <> 'owner', seq) AS members
    `);
    if (answer.outcome !== 'ok') return refusal(answer);
    return { members: answer.members as UserId[] };
  }

  mute(c: MuteCommand): Promise<Outcome<Record<never, never>>> {
    return this.mutes(c.appId, c.roomId, c.usernames, c.expiresAt, c.muted, true);
  }

  unmute(c: UnmuteCommand): Promise<Outcome<Record<never, never>>> {
    return this.mutes(c.appId, c.roomId, c.usernames, 0, c.unmuted, false);
  }

  /**
   * Sets the users' mutes (`expiresAt` 0: lifts them) on the locked room, whose memberships and
   * mutes its snapshot then shows as they are (a mute set while this waited gave the room a new
   * version, `touchedRoom`: `stale`, run again). `membersOnly`: any outsider refuses the whole
   * command (a mute); otherwise whoever is named is lifted, member or not (the batch unmute).
   */
  private async mutes(
    appId: string,
    roomId: string,
    usernames: readonly UserId[],
    expiresAt: number,
    event: RoomEvent,
    membersOnly: boolean,
  ): Promise<Outcome<Record<never, never>>> {
    const asked = [...new Set(usernames)];
    const answer = await this.answer<{ outsiders: string[] }>(sql`
      WITH ${lockedRoom(appId, roomId)}, wanted AS (
        SELECT w.username, w.ord FROM unnest(${textArray(asked)}) WITH ORDINALITY AS w (username, ord)
      ), outsiders AS (
        SELECT w.username, w.ord FROM wanted w
        WHERE ${membersOnly} AND NOT EXISTS (
          SELECT 1 FROM memberships m WHERE m.app_id = ${appId} AND m.room_id = ${roomId} AND m.username = w.username
        )
      ), go AS (
        SELECT 1 FROM fresh WHERE NOT EXISTS (SELECT 1 FROM outsiders)
      ), lifted AS (
        DELETE FROM mutes
        WHERE app_id = ${appId} AND room_id = ${roomId} AND username IN (SELECT username FROM wanted)
          AND ${expiresAt === 0} AND EXISTS (SELECT 1 FROM go)
      ), put AS (
        INSERT INTO mutes (app_id, room_id, username, expires_at)
        SELECT ${appId}::uuid, ${roomId}::text, w.username, ${expiresAt}::bigint FROM wanted w
        WHERE ${expiresAt !== 0} AND EXISTS (SELECT 1 FROM go)
        ORDER BY w.ord
        ON CONFLICT (app_id, room_id, username) DO UPDATE SET expires_at = excluded.expires_at, seq = DEFAULT
      ), ${touchedRoom(appId, roomId, sql`${expiresAt !== 0} AND EXISTS (SELECT 1 FROM go)`)},
      ${commandEvents([{ event, when: sql`EXISTS (SELECT 1 FROM go)` }])}
      SELECT
        CASE
          WHEN NOT EXISTS (SELECT 1 FROM locked) THEN 'room-missing'
          WHEN NOT EXISTS (SELECT 1 FROM fresh) THEN 'stale'
          WHEN EXISTS (SELECT 1 FROM outsiders) THEN 'not-member'
          ELSE 'ok'
        END AS outcome,
        NULL::text AS username,
        EXISTS (SELECT 1 FROM ev) AS stored,
        ARRAY(SELECT username FROM outsiders ORDER BY ord) AS outsiders
    `);
    if (answer.outcome !== 'ok') return refusal(answer, answer.outsiders as UserId[]);
    return {};
  }

  /**
   * On the locked room, whose memberships its snapshot then shows as they are: the admins are
   * counted there, and the role changed only from `member`.
   */
  async promoteAdmin(c: PromoteAdminCommand): Promise<Outcome<{ changed: boolean }>> {
    const { appId, roomId, username } = c;
    const answer = await this.answer<{ changed: boolean }>(sql`
      WITH ${lockedRoom(appId, roomId)}, ${targetRole(appId, roomId, username)}, admins AS (
        SELECT count(*)::int AS n FROM memberships WHERE app_id = ${appId} AND room_id = ${roomId} AND role = 'admin'
      ), go AS (
        SELECT 1 FROM fresh
        WHERE EXISTS (SELECT 1 FROM user_ok) AND (SELECT role FROM target) = 'member' AND (SELECT n FROM admins) < ${c.maxAdmins}
      ), ${roleChange(appId, roomId, username, 'member', 'admin')}, ${commandEvents([{ event: c.changed, when: sql`EXISTS (SELECT 1 FROM changed)` }])}
      SELECT
        CASE
          ${ROOM_THEN_USER}
          WHEN NOT EXISTS (SELECT 1 FROM target) THEN 'not-member'
          WHEN (SELECT role FROM target) = 'owner' THEN 'owner-not-admin'
          WHEN (SELECT role FROM target) = 'admin' THEN 'ok'
          WHEN (SELECT n FROM admins) >= ${c.maxAdmins} THEN 'admin-limit'
          WHEN NOT EXISTS (SELECT 1 FROM changed) THEN 'stale'
          ELSE 'ok'
        END AS outcome,
        ${username}::text AS username,
        EXISTS (SELECT 1 FROM ev) AS stored,
        EXISTS (SELECT 1 FROM changed) AS changed
    `);
    if (answer.outcome !== 'ok') return refusal(answer, [username]);
    return { changed: answer.changed };
  }

  /** On the locked room: the role changed only from `admin`. */
  async demoteAdmin(c: SetAdminCommand): Promise<Outcome<Record<never, never>>> {
    const { appId, roomId, username } = c;
    const answer = await this.answer(sql`
      WITH ${lockedRoom(appId, roomId)}, ${targetRole(appId, roomId, username)}, go AS (
        SELECT 1 FROM fresh WHERE EXISTS (SELECT 1 FROM user_ok) AND (SELECT role FROM target) = 'admin'
      ), ${roleChange(appId, roomId, username, 'admin', 'member')}, ${commandEvents([{ event: c.changed, when: sql`EXISTS (SELECT 1 FROM changed)` }])}
      SELECT
        CASE
          ${ROOM_THEN_USER}
          WHEN (SELECT role FROM target) IS DISTINCT FROM 'admin' THEN 'not-admin'
          WHEN NOT EXISTS (SELECT 1 FROM changed) THEN 'stale'
          ELSE 'ok'
        END AS outcome,
        ${username}::text AS username,
        EXISTS (SELECT 1 FROM ev) AS stored
    `);
    if (answer.outcome !== 'ok') return refusal(answer, [username]);
    return {};
  }

  /** The room's row only: its UPDATE takes the room's lock and writes, the event goes with it. */
  async updateRoom(c: UpdateRoomCommand): Promise<Outcome<Record<never, never>>> {
    const { appId, roomId, patch } = c;
    const answer = await this.answer(sql`
      WITH room AS (
        UPDATE rooms
        SET announcement = coalesce(${patch.announcement ?? null}::text, announcement),
            mute_all = coalesce(${patch.muteAll ?? null}::boolean, mute_all)
        WHERE app_id = ${appId} AND id = ${roomId}
        RETURNING 1
      ), ${commandEvents([{ event: c.updated, when: sql`EXISTS (SELECT 1 FROM room)` }])}
      SELECT
        CASE WHEN NOT EXISTS (SELECT 1 FROM room) THEN 'room-missing' ELSE 'ok' END AS outcome,
        NULL::text AS username,
        EXISTS (SELECT 1 FROM ev) AS stored
    `);
    if (answer.outcome !== 'ok') return refusal(answer);
    return {};
  }
}

/** `user_ok`: the user exists; `target`: their role in the room, if they are a member. */
function targetRole(appId: string, roomId: string, username: string): RawBuilder<unknown> {
  return sql`
    user_ok AS (
      SELECT 1 FROM users WHERE app_id = ${appId} AND username = ${username}
    ), target AS (
      SELECT role FROM memberships WHERE app_id = ${appId} AND room_id = ${roomId} AND username = ${username}
    )`;
}

/**
 * `changed`: the role set from `from` to `to` when `go` has a row. The room's row is rewritten
 * with it (`owner = owner`: a new row version), so that a statement that waited for the room
 * meanwhile sees by `fresh` that the roles it read are no longer the room's.
 */
function roleChange(appId: string, roomId: string, username: string, from: string, to: string): RawBuilder<unknown> {
  return sql`
    changed AS (
      UPDATE memberships SET role = ${to}
      WHERE app_id = ${appId} AND room_id = ${roomId} AND username = ${username} AND role = ${from} AND EXISTS (SELECT 1 FROM go)
      RETURNING 1
    ), touched AS (
      UPDATE rooms SET owner = owner WHERE app_id = ${appId} AND id = ${roomId} AND EXISTS (SELECT 1 FROM changed)
    )`;
}
