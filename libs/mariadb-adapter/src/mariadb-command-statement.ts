import type { Refusal, UserId } from '@chatroom/domain';
import { sql, type Kysely, type RawBuilder } from 'kysely';
import { eventStatements, type OutboxRow } from './mariadb-event-outbox.js';
import type { Database } from './schema/database.js';

/** What a command's final SELECT answers: the guard that refused (none: done), the user it names, whether events were stored. */
export interface Answer {
  readonly refused: Refusal['refused'] | null;
  readonly username: string | null;
  readonly stored: boolean | number;
}

/** Sends a command's statement (again after a deadlock) and answers its final row. */
export type Send = <R>(build: () => RawBuilder<unknown>) => Promise<Answer & R>;

/**
 * ONE anonymous compound statement (MariaDB 10.1+): one round trip carrying a whole transaction.
 * `body` runs inside the block labelled `guarded`: a guard that refuses sets `v_refused` (and
 * `v_user`, the user it names) and leaves the block (`refuseIf`), and the transaction is rolled back;
 * otherwise it commits. Any error rolls back too and is raised again as it was (a deadlock keeps
 * its 1213, so the caller runs the statement again). The last SELECT answers `Answer` plus the
 * columns of `answer`. Local variables are named `v_…`: a column of the same name would read
 * the variable instead inside a stored program. A value is read into a variable by
 * `SELECT (…) INTO`, never `SET v = (SELECT …)`: InnoDB reads a SET's tables with shared row
 * locks (only a SELECT, an UPDATE and an INSERT … SELECT read without locks under READ
 * COMMITTED), and those taken in the order asked deadlock concurrent commands.
 */
export function compound(parts: {
  readonly declare?: RawBuilder<unknown>;
  readonly body: RawBuilder<unknown>;
  readonly answer?: RawBuilder<unknown>;
}): RawBuilder<unknown> {
  return sql`BEGIN NOT ATOMIC
  DECLARE v_refused VARCHAR(32) DEFAULT NULL;
  DECLARE v_user VARCHAR(255) DEFAULT NULL;
  DECLARE v_stored BOOLEAN DEFAULT FALSE;
  ${parts.declare ?? sql``}
  DECLARE EXIT HANDLER FOR SQLEXCEPTION BEGIN ROLLBACK; RESIGNAL; END;
  START TRANSACTION;
  guarded: BEGIN
    ${parts.body}
  END guarded;
  IF v_refused IS NULL THEN COMMIT; ELSE ROLLBACK; SET v_stored = FALSE; END IF;
  SELECT v_refused AS refused, v_user AS username, v_stored AS stored ${parts.answer ?? sql``};
END`;
}

type Parts = Parameters<typeof compound>[0];

/** A compound statement on one room: the room locked first (lockRoom, `room-missing`), then `parts.body`. */
export function onRoom(appId: string, roomId: string, parts: Parts): RawBuilder<unknown> {
  return compound({
    declare: sql`${ROOM_VARIABLES} ${parts.declare ?? sql``}`,
    body: sql`${lockRoom(appId, roomId)} ${parts.body}`,
    ...(parts.answer && { answer: parts.answer }),
  });
}

/** A compound statement on one room and one user: refusals `room-missing`, then `user-missing`, then `parts.body`'s. */
export function onRoomAndUser(appId: string, roomId: string, username: UserId, parts: Parts): RawBuilder<unknown> {
  return onRoom(appId, roomId, { ...parts, body: sql`${requireUsers(appId, [username])} ${parts.body}` });
}

/** Refuses (rolls back, answers `refused`) when `condition` holds. */
export function refuseIf(condition: RawBuilder<unknown>, refused: Refusal['refused']): RawBuilder<unknown> {
  return sql`IF ${condition} THEN SET v_refused = ${refused}; LEAVE guarded; END IF;`;
}

/**
 * Locks the room (`FOR UPDATE`, as a unit's `findByIdForUpdate`) reading its owner and member
 * count into `v_owner` and `v_count`, and refuses `room-missing` without it. Aggregated, so the
 * read always finds one row (a SELECT … INTO of no row would leave a warning behind).
 */
export function lockRoom(appId: string, roomId: string): RawBuilder<unknown> {
  return sql`
    SELECT COUNT(*), MAX(owner), MAX(member_count) INTO v_found, v_owner, v_count
    FROM rooms WHERE app_id = ${appId} AND id = ${roomId} FOR UPDATE;
    ${refuseIf(sql`v_found = 0`, 'room-missing')}`;
}

/** The variables lockRoom fills. */
export const ROOM_VARIABLES = sql`
  DECLARE v_found INT DEFAULT 0;
  DECLARE v_owner VARCHAR(64) DEFAULT NULL;
  DECLARE v_count INT DEFAULT NULL;`;

/** `usernames` as a table `w` (username, ord): the order asked, duplicates kept; one placeholder. */
export function asked(usernames: readonly UserId[] | RawBuilder<unknown>): RawBuilder<unknown> {
  const json = Array.isArray(usernames) ? JSON.stringify(usernames) : usernames;
  return sql`JSON_TABLE(${json}, '$[*]' COLUMNS (ord FOR ORDINALITY, username VARCHAR(255) PATH '$')) AS w`;
}

/** Refuses `user-missing`, naming the first of `usernames` (in the order given) the app does not have. */
export function requireUsers(appId: string, usernames: readonly UserId[]): RawBuilder<unknown> {
  return sql`
    SELECT (SELECT w.username FROM ${asked(usernames)}
      WHERE NOT EXISTS (SELECT 1 FROM users u WHERE u.app_id = ${appId} AND u.username = w.username)
      ORDER BY w.ord LIMIT 1) INTO v_user;
    ${refuseIf(sql`v_user IS NOT NULL`, 'user-missing')}`;
}

/** The users' names as a list of placeholders (`IN (…)`: a range of the primary key, in username order); none: NULL, which matches nothing. */
export function nameList(usernames: readonly UserId[]): RawBuilder<unknown> {
  return usernames.length === 0 ? sql`NULL` : sql.join([...usernames]);
}

/** The event's payload as JSON, with `key` set to the SQL JSON value `value` (its place kept if present). */
export function payloadWith(
  payload: Readonly<Record<string, unknown>> | undefined,
  key: string,
  value: RawBuilder<unknown>,
): RawBuilder<unknown> {
  return sql`JSON_SET(${JSON.stringify({ ...payload })}, ${`$.${key}`}, ${value})`;
}

/** The events' statements (the outbox's), and the flag that tells the caller events were stored. */
export function storeEvents(rows: readonly OutboxRow[]): RawBuilder<unknown> {
  return sql`${eventStatements(rows)} SET v_stored = TRUE;`;
}

/** Sends the statement (one round trip) and returns the row of its final SELECT. */
export async function answerOf<R>(db: Kysely<Database>, statement: RawBuilder<unknown>): Promise<Answer & R> {
  // A compound statement answers its SELECT's rows, then the OK of the block.
  const { rows } = await statement.execute(db);
  const sets = rows as unknown[];
  const set = (sets.find((s) => Array.isArray(s)) ?? sets) as (Answer & R)[];
  return set[0]!;
}

/** The refusal an answer names; `usernames` are those a `not-member` refusal names. */
export function refusalOf(answer: Answer, usernames: readonly UserId[]): Refusal {
  const username = (answer.username ?? '') as UserId;
  switch (answer.refused) {
    case 'not-member':
      return { refused: 'not-member', usernames: [...usernames] };
    case 'user-missing':
    case 'user-cap':
    case 'blocked':
    case 'not-admin':
      return { refused: answer.refused, username };
    case 'room-missing':
    case 'room-full':
    case 'owner':
    case 'same-owner':
    case 'quota-exceeded':
    case 'owner-not-admin':
    case 'admin-limit':
      return { refused: answer.refused };
    default:
      throw new Error(`unexpected command answer ${String(answer.refused)}`);
  }
}
