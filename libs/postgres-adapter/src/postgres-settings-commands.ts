import type {
  DeleteUserCommand,
  User,
  DeleteAttributesCommand,
  DeleteAttributesDone,
  ModifyRoomCommand,
  Outcome,
  Refusal,
  RoomCommands,
  RoomEvent,
  SetAttributesCommand,
  SetAttributesDone,
} from '@chatroom/domain';
import { ROOM_INFO_FIXED } from '@chatroom/domain';
import { answeredUser } from '@chatroom/sql-store-kit';
import { sql, type RawBuilder } from 'kysely';
import { commandEvents } from './command-events.js';
import { type Answer, lockedRoom } from './postgres-command-statement.js';
import { PostgresRoomCommands } from './postgres-room-commands.js';
import { textArray } from './sql-arrays.js';
import { type DeletedUserRow, deleteUserStatement } from './postgres-user-commands.js';

/**
 * The settings commands (modify, attributes) and a user's deletion, each ONE statement as the
 * other guarded commands (PostgresRoomCommands, whose runner they share): the guards, the write,
 * the events and the answer naming the guard that refused.
 */
export class PostgresSettingsCommands extends PostgresRoomCommands implements RoomCommands {
  /**
   * The room locked first (`locked`: its member count as the latest commit left it, whatever the
   * snapshot shows), which the refusal reports; the UPDATE re-reads the row it changes on that
   * latest version, so the fields it writes and the event's `info` are the room's as modified.
   * The UPDATE guards `maxusers` on that row too: its own condition is re-checked on the very
   * version it writes, so the rooms' check constraint (member_count <= max_users) is never what
   * refuses, whichever of the two reads a racing member change reaches first.
   */
  async modifyRoom(c: ModifyRoomCommand): Promise<Outcome<Record<never, never>>> {
    const { appId, roomId, patch } = c;
    const maxUsers = sql`${patch.maxUsers ?? null}::integer`;
    const answer = await this.answer<{ member_count: number | null }>(sql`
      WITH locked AS MATERIALIZED (
        SELECT member_count FROM rooms WHERE app_id = ${appId} AND id = ${roomId} FOR NO KEY UPDATE
      ), room AS (
        UPDATE rooms
        SET name = coalesce(${patch.name ?? null}::text, name),
            description = coalesce(${patch.description ?? null}::text, description),
            max_users = coalesce(${maxUsers}, max_users)
        WHERE app_id = ${appId} AND id = ${roomId}
          AND EXISTS (SELECT 1 FROM locked l WHERE l.member_count <= coalesce(${maxUsers}, l.member_count))
          AND member_count <= coalesce(${maxUsers}, member_count)
        RETURNING owner, created, custom, description, mute_all, name, max_users
      ), ${commandEvents([
        {
          event: c.updated,
          when: sql`EXISTS (SELECT 1 FROM room)`,
          patch: sql`(SELECT jsonb_build_object('info', ${roomInfo(c.updated)}) FROM room r)`,
        },
      ])}
      SELECT
        CASE WHEN NOT EXISTS (SELECT 1 FROM locked) THEN 'room-missing' WHEN NOT EXISTS (SELECT 1 FROM room) THEN 'below-members'
          ELSE 'ok' END AS outcome,
        NULL::text AS username, EXISTS (SELECT 1 FROM ev) AS stored, (SELECT member_count FROM locked) AS member_count
    `);
    if (answer.outcome === 'below-members') return { refused: 'below-members', memberCount: answer.member_count ?? 0 };
    if (answer.outcome !== 'ok') return settingsRefusal(answer);
    return {};
  }

  /**
   * On the locked room, whose attributes and members its snapshot then shows as they are
   * (`fresh`: a write of attributes rewrites the room's row, `touched`, as every change of its
   * memberships does). Each key is judged in the order asked: another member's key (unless
   * forced), a new key beyond the room's place left, or set.
   */
  async setAttributes(c: SetAttributesCommand): Promise<Outcome<SetAttributesDone>> {
    const { appId, roomId, owner } = c;
    const keys = textArray(c.attributes.map((a) => a.key));
    const values = textArray(c.attributes.map((a) => a.value));
    const answer = await this.answer<Verdicts<'set' | 'owned' | 'limit'>>(sql`
      WITH ${lockedRoom(appId, roomId)}, ${memberOf(appId, roomId, owner)}, asked AS (
        SELECT a.key COLLATE "C" AS key, a.value, a.ord FROM unnest(${keys}, ${values}) WITH ORDINALITY AS a (key, value, ord)
      ), ${presentOf(appId, roomId)}, place AS (
        SELECT ${c.maxAttributes}::int - count(*)::int AS n FROM room_attributes WHERE app_id = ${appId} AND room_id = ${roomId}
      ), judged AS (
        SELECT a.key, a.value, a.ord,
          CASE
            WHEN c.key IS NOT NULL AND c.owner <> ${owner} AND NOT ${c.forced} THEN 'owned'
            WHEN c.key IS NULL AND row_number() OVER (PARTITION BY c.key IS NULL ORDER BY a.ord) > (SELECT n FROM place) THEN 'limit'
            ELSE 'set'
          END AS verdict
        FROM asked a LEFT JOIN present c ON c.key = a.key
      ), go AS (
        SELECT 1 FROM fresh WHERE EXISTS (SELECT 1 FROM member)
      ), changed AS (
        INSERT INTO room_attributes (app_id, room_id, key, value, owner, auto_delete)
        SELECT ${appId}::uuid, ${roomId}::text, j.key, j.value, ${owner}::text, ${c.autoDelete}::boolean FROM judged j
        WHERE j.verdict = 'set' AND EXISTS (SELECT 1 FROM go)
        ORDER BY j.key
        ON CONFLICT (app_id, room_id, key) DO UPDATE
          SET value = excluded.value, owner = excluded.owner, auto_delete = excluded.auto_delete
        RETURNING 1
      ), ${touchedRoom(appId, roomId)}, ${commandEvents([
        {
          event: c.set,
          when: sql`EXISTS (SELECT 1 FROM changed)`,
          patch: sql`jsonb_build_object('properties', (SELECT jsonb_object_agg(key, value ORDER BY ord) FROM judged WHERE verdict = 'set'))`,
        },
      ])}
      SELECT ${answerOf('fresh')}, ${verdicts('set')} AS set, ${verdicts('owned')} AS owned, ${verdicts('limit')} AS limit
    `);
    if (answer.outcome !== 'ok') return settingsRefusal(answer);
    return { setKeys: answer.set, ownedByOthers: answer.owned, overLimit: answer.limit };
  }

  /** On the locked room, as a set: each key missing, another member's (unless forced), or deleted. */
  async deleteAttributes(c: DeleteAttributesCommand): Promise<Outcome<DeleteAttributesDone>> {
    const { appId, roomId, user } = c;
    const answer = await this.answer<Verdicts<'deleted' | 'missing' | 'owned'>>(sql`
      WITH ${lockedRoom(appId, roomId)}, ${memberOf(appId, roomId, user)}, asked AS (
        SELECT a.key COLLATE "C" AS key, a.ord FROM unnest(${textArray(c.keys)}) WITH ORDINALITY AS a (key, ord)
      ), ${presentOf(appId, roomId)}, judged AS (
        SELECT a.key, a.ord,
          CASE
            WHEN c.key IS NULL THEN 'missing'
            WHEN c.owner <> ${user} AND NOT ${c.forced} THEN 'owned'
            ELSE 'deleted'
          END AS verdict
        FROM asked a LEFT JOIN present c ON c.key = a.key
      ), go AS (
        SELECT 1 FROM fresh WHERE ${c.forced} OR EXISTS (SELECT 1 FROM member)
      ), changed AS (
        DELETE FROM room_attributes
        WHERE app_id = ${appId} AND room_id = ${roomId} AND EXISTS (SELECT 1 FROM go)
          AND key IN (SELECT key FROM judged WHERE verdict = 'deleted')
        RETURNING 1
      ), ${touchedRoom(appId, roomId)}, ${commandEvents([
        {
          event: c.deleted,
          when: sql`EXISTS (SELECT 1 FROM changed)`,
          patch: sql`jsonb_build_object('keys', (SELECT jsonb_agg(key ORDER BY ord) FROM judged WHERE verdict = 'deleted'))`,
        },
      ])}
      SELECT ${answerOf(c.forced ? 'forced' : 'fresh')}, ${verdicts('deleted')} AS deleted, ${verdicts('missing')} AS missing,
        ${verdicts('owned')} AS owned
    `);
    if (answer.outcome !== 'ok') return settingsRefusal(answer);
    return { deletedKeys: answer.deleted, missing: answer.missing, ownedByOthers: answer.owned };
  }

  /** The user's deletion, one statement (deleteUserStatement). */
  async deleteUser(c: DeleteUserCommand): Promise<Outcome<{ user: User }>> {
    const answer = await this.answer<DeletedUserRow>(deleteUserStatement(c));
    if (answer.outcome === 'user-missing') return { refused: 'user-missing', username: c.username };
    if (answer.outcome !== 'ok') return settingsRefusal(answer);
    return { user: answeredUser(c.appId, c.username, answer) };
  }
}

/** The keys of each verdict of `judged`, in the order asked. */
type Verdicts<V extends string> = Record<V, string[]>;

function verdicts(verdict: string): RawBuilder<string[]> {
  return sql`ARRAY(SELECT key FROM judged WHERE verdict = ${verdict} ORDER BY ord)`;
}

/** `member`: the user is a member of the room. */
function memberOf(appId: string, roomId: string, username: string): RawBuilder<unknown> {
  return sql`member AS (
        SELECT 1 FROM memberships WHERE app_id = ${appId} AND room_id = ${roomId} AND username = ${username}
      )`;
}

/** `present`: the room's attributes among the keys `asked`. */
function presentOf(appId: string, roomId: string): RawBuilder<unknown> {
  return sql`present AS (
        SELECT key, owner FROM room_attributes
        WHERE app_id = ${appId} AND room_id = ${roomId} AND key IN (SELECT key FROM asked)
      )`;
}

/**
 * `touched`: the room's row rewritten (`owner = owner`: a new row version) when its attributes
 * changed, so that a statement that waited for the room meanwhile sees by `fresh` that the
 * attributes it read are no longer the room's.
 */
function touchedRoom(appId: string, roomId: string): RawBuilder<unknown> {
  return sql`touched AS (
        UPDATE rooms SET owner = owner WHERE app_id = ${appId} AND id = ${roomId} AND EXISTS (SELECT 1 FROM changed)
      )`;
}

/** The answer's first columns for an attribute command; `forced`: no membership asked. */
function answerOf(membership: 'fresh' | 'forced'): RawBuilder<unknown> {
  const notInRoom = membership === 'forced' ? sql`` : sql`WHEN NOT EXISTS (SELECT 1 FROM member) THEN 'not-in-room'`;
  return sql`
        CASE
          WHEN NOT EXISTS (SELECT 1 FROM locked) THEN 'room-missing'
          WHEN NOT EXISTS (SELECT 1 FROM fresh) THEN 'stale'
          ${notInRoom}
          ELSE 'ok'
        END AS outcome,
        NULL::text AS username,
        EXISTS (SELECT 1 FROM ev) AS stored`;
}

/**
 * The event's `info` (the domain's `roomInfo`) built from the modified row `r`: the statement
 * writes the event, and only it knows the room as modified. The fixed parts are the domain's.
 */
function roomInfo(event: RoomEvent): RawBuilder<unknown> {
  return sql`jsonb_build_object(
        'owner', ${`${event.org}#${event.app}_`}::text || r.owner,
        'created', r.created::text,
        'custom', r.custom,
        'description', r.description,
        'mute', r.mute_all::text,
        'mute_duration', CASE WHEN r.mute_all THEN -1 ELSE 0 END,
        'title', r.name,
        'max_users', r.max_users::text
      ) || ${JSON.stringify(ROOM_INFO_FIXED)}::jsonb`;
}

function settingsRefusal(answer: Answer): Refusal {
  switch (answer.outcome) {
    case 'room-missing':
    case 'not-in-room':
      return { refused: answer.outcome };
    default:
      throw new Error(`unexpected command outcome ${answer.outcome}`);
  }
}
