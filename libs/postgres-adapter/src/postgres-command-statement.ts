import type { Refusal, UserId } from '@chatroom/domain';
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from './schema/database.js';

/**
 * The statement found that a commit changed the room while it waited for the room's lock, and
 * changed nothing: the caller runs it again after locking the room in a transaction of its own
 * (lockRoomFirst), where the statement's snapshot is taken once the lock is held.
 */
export class StaleSnapshot extends Error {
  constructor() {
    super('the room changed while the statement waited for it');
  }
}

/** What a statement's last SELECT answers: `ok`, a refusal's name, or `stale`. */
export interface Answer {
  outcome: 'ok' | 'stale' | Refusal['refused'];
  /** The user a refusal names, when it names one. */
  username: string | null;
  stored: boolean;
}

/**
 * What every command's statement shares: it is run on one connection (the pool's, or a keyed
 * request's transaction) and tells whether it stored events (`storedEvents`), which the caller
 * uses to wake the delivery worker.
 */
export abstract class CommandStatements {
  storedEvents = false;

  constructor(protected readonly db: Kysely<Database>) {}

  /** Runs the statement; a `stale` answer or guard becomes a retryable error, a raised guard a refusal. */
  protected async answer<R>(statement: RawBuilder<unknown>): Promise<Answer & R> {
    let row: Answer & R;
    try {
      ({
        rows: [row],
      } = (await statement.execute(this.db)) as { rows: [Answer & R] });
    } catch (error) {
      const { code, message, detail } = error as { code?: string; message?: string; detail?: string };
      if (code === '40001' && message === 'stale snapshot') throw new StaleSnapshot();
      if (code !== 'CG001') throw error;
      this.storedEvents = false;
      return { outcome: message as Answer['outcome'], username: detail || null, stored: false } as Answer & R;
    }
    if (row.outcome === 'stale') throw new StaleSnapshot();
    this.storedEvents = row.stored;
    return row;
  }
}

/**
 * `locked`: the room, locked FOR UPDATE, with its owner and row version as they are once the
 * lock is held; `fresh`: the same row when the statement's snapshot shows that version, i.e. no
 * commit changed the room (its counter, owner, block_seq) while the statement waited. Every
 * change of a room's memberships changes its row (a role change rewrites it: roleChange), so
 * under `fresh` the snapshot's memberships are the room's.
 */
export function lockedRoom(appId: string, roomId: string): RawBuilder<unknown> {
  return sql`
    locked AS MATERIALIZED (
      SELECT owner, xmin::text AS version FROM rooms WHERE app_id = ${appId} AND id = ${roomId} FOR UPDATE
    ), fresh AS (
      SELECT l.owner FROM locked l
      WHERE l.version = (SELECT xmin::text FROM rooms WHERE app_id = ${appId} AND id = ${roomId})
    )`;
}

/** What leaving a room takes with it besides the membership: the mute, the allowlist entry, auto-delete attributes. */
export function leftBehind(appId: string, roomId: string): RawBuilder<unknown> {
  return sql`
    mute_gone AS (
      DELETE FROM mutes WHERE app_id = ${appId} AND room_id = ${roomId} AND username IN (SELECT username FROM gone)
    ), allow_gone AS (
      DELETE FROM room_user_lists
      WHERE app_id = ${appId} AND room_id = ${roomId} AND list = 'allowlist' AND username IN (SELECT username FROM gone)
    ), attributes_gone AS (
      DELETE FROM room_attributes
      WHERE app_id = ${appId} AND room_id = ${roomId} AND auto_delete AND owner IN (SELECT username FROM gone)
    )`;
}

/** The refusal a statement's answer names; `usernames` are those a `not-member` refusal names. */
export function refusal(answer: Answer, usernames: UserId[] = []): Refusal {
  const username = (answer.username ?? '') as UserId;
  switch (answer.outcome) {
    case 'user-missing':
    case 'user-cap':
    case 'blocked':
      return { refused: answer.outcome, username };
    case 'not-member':
      return { refused: 'not-member', usernames };
    case 'not-admin':
      return { refused: 'not-admin', username };
    case 'room-missing':
    case 'owner-not-admin':
    case 'admin-limit':
    case 'quota-exceeded':
    case 'room-full':
    case 'owner':
    case 'same-owner':
      return { refused: answer.outcome };
    default:
      throw new Error(`unexpected command outcome ${answer.outcome}`);
  }
}
