import type {
  AllowCommand,
  BlockCommand,
  ListTargets,
  ListTargetStatus,
  Outcome,
  RemoveFromListCommand,
  RemoveMembersCommand,
  RoomEvent,
  SuperAdminCommand,
  UserId,
} from '@chatroom/domain';
import { sql, type RawBuilder } from 'kysely';
import * as statement from './mariadb-command-statement.js';
import type { OutboxRow } from './mariadb-event-outbox.js';

/** What a command naming several users gives `targets`. */
type Targeted = Pick<BlockCommand, 'appId' | 'roomId' | 'usernames' | 'allOrNothing'>;

/** The answer of a command with per-user statuses: them as JSON, as asked; an allowlist refusal's outsiders. */
type TargetsAnswer = { statuses: string | null; outsiders: string | null };

/** The variables `targets` and `leave` fill. */
const TARGET_VARIABLES = sql`
  DECLARE v_statuses LONGTEXT DEFAULT NULL;
  DECLARE v_ok LONGTEXT DEFAULT NULL;
  DECLARE v_chosen LONGTEXT DEFAULT NULL;
  DECLARE v_outsiders LONGTEXT DEFAULT NULL;
  DECLARE v_n INT DEFAULT 0;`;

/**
 * The blocklist and allowlist commands, the batch removal and the app's super admins, each ONE
 * compound statement (MariadbRoomCommands says how they are sent and when they are not): the
 * statements the units send, guarded by what the ones before them found, in the store's lock
 * order (the room, its memberships, the users' counters in username order).
 */
export class ListCommandStatements {
  constructor(private readonly send: statement.Send) {}

  /**
   * The room locked, each user's status, under `allOrNothing` the first fault of each kind in
   * the unit's order (user, owner, member); then the members among them leave as a removal's do
   * and go on the blocklist, `BLOCK` (the users as asked) before `LEAVE` (once each).
   */
  block(c: BlockCommand): Promise<Outcome<ListTargets>> {
    const faults = sql`${firstFault(c, 'user-missing')} ${firstFault(c, 'owner')} ${firstFault(c, 'not-member')}`;
    return this.onTargets(c, true, c.allOrNothing ? faults : sql``, [
      leave(c),
      listed(c, 'blocklist'),
      statement.storeEvents([naming(c.blocked, sql`v_ok`), leftEvent(c.left)]),
    ]);
  }

  /** The room locked, each user's status, then the members among them (not the owner) leave as a block's do. */
  removeMembers(c: RemoveMembersCommand): Promise<Outcome<ListTargets>> {
    return this.onTargets({ ...c, allOrNothing: false }, true, sql``, [
      leave(c),
      statement.storeEvents([leftEvent(c.left)]),
    ]);
  }

  /**
   * The room locked, each user's status, under `allOrNothing` the first unknown user, then every
   * outsider; then the members among them go on the allowlist.
   */
  allow(c: AllowCommand): Promise<Outcome<ListTargets>> {
    const faults = sql`${firstFault(c, 'user-missing')} ${outsiders(c)}`;
    return this.onTargets(c, false, c.allOrNothing ? faults : sql``, [
      listed(c, 'allowlist'),
      statement.storeEvents([naming(c.allowed, sql`v_ok`)]),
    ]);
  }

  /** On the locked room: the users' statuses (`targets`), the `faults` that refuse, then `writes` when any user is ok. */
  private async onTargets(
    c: Targeted,
    ownerRefused: boolean,
    faults: RawBuilder<unknown>,
    writes: readonly RawBuilder<unknown>[],
  ): Promise<Outcome<ListTargets>> {
    const answer = await this.send<TargetsAnswer>(() =>
      statement.onRoom(c.appId, c.roomId, {
        declare: TARGET_VARIABLES,
        body: sql`
          ${targets(c, ownerRefused)}
          ${faults}
          IF v_chosen IS NOT NULL THEN ${sql.join(writes, sql` `)} END IF;`,
        answer: sql`, v_statuses AS statuses, v_outsiders AS outsiders`,
      }),
    );
    if (answer.refused !== null) {
      const named =
        answer.outsiders === null ? [answer.username as UserId] : (JSON.parse(answer.outsiders) as UserId[]);
      return statement.refusalOf(answer, named);
    }
    return { statuses: answer.statuses === null ? [] : (JSON.parse(answer.statuses) as ListTargetStatus[]) };
  }

  /**
   * The room locked, the list's entries of the users locked (the rows the unit's DELETE locks)
   * and named once each as first asked, then deleted.
   */
  async removeFromList(c: RemoveFromListCommand): Promise<Outcome<{ removed: UserId[] }>> {
    const entries = sql`app_id = ${c.appId} AND room_id = ${c.roomId} AND list = ${c.list}`;
    const answer = await this.send<{ removed: string | null }>(() =>
      statement.onRoom(c.appId, c.roomId, {
        declare: sql`
          DECLARE v_removed LONGTEXT DEFAULT NULL;`,
        body: sql`
          SELECT COUNT(*) INTO v_found FROM room_user_lists
          WHERE ${entries} AND username IN (${statement.nameList(c.usernames)}) FOR UPDATE;
          SELECT ${onceEach(c.usernames, sql`EXISTS (SELECT 1 FROM room_user_lists l WHERE l.${entries} AND l.username = w.username)`)}
          INTO v_removed;
          IF v_removed IS NULL THEN LEAVE guarded; END IF;
          DELETE FROM room_user_lists WHERE ${entries} AND username IN (${statement.nameList(c.usernames)});
          ${statement.storeEvents([naming(c.removed, sql`v_removed`)])}`,
        answer: sql`, v_removed AS removed`,
      }),
    );
    if (answer.refused !== null) return statement.refusalOf(answer, []);
    return { removed: answer.removed === null ? [] : (JSON.parse(answer.removed) as UserId[]) };
  }

  /** The user checked, then the super admin's row inserted (kept if there) or deleted; the event whenever the user exists. */
  async setSuperAdmin(c: SuperAdminCommand): Promise<Outcome<Record<never, never>>> {
    const change =
      c.change === 'ADD'
        ? sql`INSERT INTO super_admins (app_id, username) VALUES (${c.appId}, ${c.username})
            ON DUPLICATE KEY UPDATE username = username;`
        : sql`DELETE FROM super_admins WHERE app_id = ${c.appId} AND username = ${c.username};`;
    const answer = await this.send(() =>
      statement.compound({
        body: sql`
          ${statement.requireUsers(c.appId, [c.username])}
          ${change}
          ${statement.storeEvents([{ event: c.changed }])}`,
      }),
    );
    return answer.refused !== null ? statement.refusalOf(answer, [c.username]) : {};
  }
}

/** `usernames` (a list, or a JSON variable) as a JSON array of those `where` keeps, once each, at their first place. */
function onceEach(usernames: readonly UserId[] | RawBuilder<unknown>, where: RawBuilder<unknown>): RawBuilder<unknown> {
  return sql`(SELECT JSON_ARRAYAGG(t.username ORDER BY t.ord) FROM (
    SELECT w.username, MIN(w.ord) AS ord FROM ${statement.asked(usernames)} WHERE ${where} GROUP BY w.username) AS t)`;
}

/**
 * On the locked room: `v_statuses`, each user's ListTargetStatus as asked (unknown, the owner
 * when `ownerRefused`, not a member, ok); `v_ok`, the users ok as asked (repeats kept: the
 * `BLOCK` and `WHITE` events' members); `v_chosen`, those once each, at their first place.
 */
function targets(c: Targeted, ownerRefused: boolean): RawBuilder<unknown> {
  return sql`
    SELECT (SELECT JSON_ARRAYAGG(CASE
        WHEN NOT EXISTS (SELECT 1 FROM users u WHERE u.app_id = ${c.appId} AND u.username = w.username) THEN 'user-missing'
        ${ownerRefused ? sql`WHEN w.username = v_owner THEN 'owner'` : sql``}
        WHEN NOT EXISTS (SELECT 1 FROM memberships m
          WHERE m.app_id = ${c.appId} AND m.room_id = ${c.roomId} AND m.username = w.username) THEN 'not-member'
        ELSE 'ok' END ORDER BY w.ord) FROM ${statement.asked(c.usernames)}) INTO v_statuses;
    SELECT (SELECT JSON_ARRAYAGG(w.username ORDER BY w.ord) FROM ${statement.asked(c.usernames)} ${withStatus('ok')}) INTO v_ok;
    SELECT ${onceEach(sql`v_ok`, sql`TRUE`)} INTO v_chosen;`;
}

/** The users of `asked` whose status in `v_statuses` is `status`. */
function withStatus(status: ListTargetStatus): RawBuilder<unknown> {
  return sql`JOIN JSON_TABLE(v_statuses, '$[*]' COLUMNS (ord FOR ORDINALITY, status VARCHAR(16) PATH '$')) AS s
    ON s.ord = w.ord WHERE s.status = ${status}`;
}

/** Refuses `status`, naming the first user (as asked) who has it. */
function firstFault(c: Targeted, status: Exclude<ListTargetStatus, 'ok'>): RawBuilder<unknown> {
  return sql`
    SELECT (SELECT w.username FROM ${statement.asked(c.usernames)} ${withStatus(status)} ORDER BY w.ord LIMIT 1) INTO v_user;
    ${statement.refuseIf(sql`v_user IS NOT NULL`, status)}`;
}

/** Refuses `not-member`, naming every outsider as asked (an allowlist addition's refusal). */
function outsiders(c: Targeted): RawBuilder<unknown> {
  return sql`
    SELECT (SELECT JSON_ARRAYAGG(w.username ORDER BY w.ord) FROM ${statement.asked(c.usernames)} ${withStatus('not-member')})
    INTO v_outsiders;
    ${statement.refuseIf(sql`v_outsiders IS NOT NULL`, 'not-member')}`;
}

/**
 * The `v_chosen` members leave as a removal's do: their memberships, the room's count (`v_n`
 * the rows deleted), their joined-room slots (username order), mutes, allowlist entries and
 * auto-delete attributes. The constant name list bounds each statement to a range of the key;
 * JSON_CONTAINS keeps the chosen within it.
 */
function leave(c: Pick<Targeted, 'appId' | 'roomId' | 'usernames'>): RawBuilder<unknown> {
  const room = sql`app_id = ${c.appId} AND room_id = ${c.roomId}`;
  const chosen = (column: string) =>
    sql`${sql.ref(column)} IN (${statement.nameList(c.usernames)}) AND JSON_CONTAINS(v_chosen, JSON_QUOTE(${sql.ref(column)}))`;
  return sql`
    DELETE FROM memberships WHERE ${room} AND ${chosen('username')};
    SET v_n = ROW_COUNT();
    UPDATE rooms SET member_count = member_count - v_n WHERE app_id = ${c.appId} AND id = ${c.roomId};
    UPDATE users SET joined_count = joined_count - 1 WHERE app_id = ${c.appId} AND ${chosen('username')} ORDER BY username;
    DELETE FROM mutes WHERE ${room} AND ${chosen('username')};
    DELETE FROM room_user_lists WHERE ${room} AND list = 'allowlist' AND ${chosen('username')};
    DELETE FROM room_attributes WHERE ${room} AND auto_delete AND ${chosen('owner')};`;
}

/** The `v_chosen` users put on `list` in the order asked; those on it already keep their place. */
function listed(c: Targeted, list: 'blocklist' | 'allowlist'): RawBuilder<unknown> {
  return sql`
    INSERT INTO room_user_lists (app_id, room_id, list, username)
    SELECT ${c.appId}, ${c.roomId}, ${list}, w.username FROM ${statement.asked(sql`v_chosen`)} ORDER BY w.ord
    ON DUPLICATE KEY UPDATE username = room_user_lists.username;`;
}

/** The event with `payload.member` set to the JSON array `variable` holds. */
function naming(event: RoomEvent, variable: RawBuilder<unknown>): OutboxRow {
  return { event, payload: statement.payloadWith(event.payload, 'member', sql`JSON_QUERY(${variable}, '$')`) };
}

/** The `LEAVE` event of the members who left (`v_chosen`), with the room's count after. */
function leftEvent(left: RoomEvent): OutboxRow {
  return { ...naming(left, sql`v_chosen`), memberCount: sql`v_count - v_n` };
}
