import {
  ROOM_INFO_FIXED,
  type DeleteAttributesCommand,
  type DeleteAttributesDone,
  type ModifyRoomCommand,
  type Outcome,
  type Refusal,
  type RoomEvent,
  type SetAttributesCommand,
  type SetAttributesDone,
  type UserId,
} from '@chatroom/domain';
import { sql, type RawBuilder } from 'kysely';
import * as statement from './mariadb-command-statement.js';

/**
 * The room's settings and attributes, each ONE compound statement on the room locked first (MariadbRoomCommands
 * says how it is sent and when it is not).
 */
export class SettingsCommandStatements {
  constructor(private readonly send: statement.Send) {}

  /**
   * The room locked (its member count read there), `maxusers` checked against that count, the
   * fields set, then the room as modified read into the event's `info`.
   */
  async modifyRoom(c: ModifyRoomCommand): Promise<Outcome<Record<never, never>>> {
    const { name, description, maxUsers } = c.patch;
    const room = sql`app_id = ${c.appId} AND id = ${c.roomId}`;
    const answer = await this.send<{ member_count: number | null }>(() =>
      statement.onRoom(c.appId, c.roomId, {
        declare: sql`
          DECLARE v_info LONGTEXT DEFAULT NULL;`,
        body: sql`
          ${maxUsers === undefined ? sql`` : statement.refuseIf(sql`v_count > ${maxUsers}`, 'below-members')}
          UPDATE rooms SET name = COALESCE(${name ?? null}, name),
            description = COALESCE(${description ?? null}, description),
            max_users = COALESCE(${maxUsers ?? null}, max_users)
          WHERE ${room};
          SELECT ${roomInfo(c.updated)} INTO v_info FROM rooms WHERE ${room};
          ${statement.storeEvents([
            {
              event: c.updated,
              payload: statement.payloadWith(c.updated.payload, 'info', sql`JSON_QUERY(v_info, '$')`),
            },
          ])}`,
        answer: sql`, v_count AS member_count`,
      }),
    );
    if (answer.refused === 'below-members')
      return { refused: 'below-members', memberCount: Number(answer.member_count) };
    return answer.refused !== null ? statement.refusalOf(answer, []) : {};
  }

  /**
   * The room locked, the owner's membership checked, the room's attributes counted, then each
   * key judged in the order asked (another member's key unless forced; a new key beyond the
   * place left; else set), the accepted ones upserted in key order and named in the event.
   */
  async setAttributes(c: SetAttributesCommand): Promise<Outcome<SetAttributesDone>> {
    const attributes = JSON.stringify(c.attributes.map(({ key, value }) => ({ key, value })));
    const asked = sql`JSON_TABLE(${attributes}, '$[*]' COLUMNS (ord FOR ORDINALITY, k VARCHAR(128) PATH '$.key', v TEXT PATH '$.value')) AS a`;
    const answer = await this.send<{ verdicts: string | null }>(() =>
      statement.onRoom(c.appId, c.roomId, {
        declare: VERDICT_VARIABLES,
        body: sql`
          ${memberOrRefuse(c, c.owner)}
          SELECT COUNT(*) INTO v_place FROM room_attributes WHERE ${inRoom(c)};
          SET v_place = ${c.maxAttributes} - v_place;
          SELECT (SELECT JSON_ARRAYAGG(j.verdict ORDER BY j.ord) FROM (
            SELECT a.ord, CASE
              ${c.forced ? sql`` : sql`WHEN r.owner IS NOT NULL AND r.owner <> ${c.owner} THEN 'owned'`}
              WHEN r.owner IS NULL AND SUM(r.owner IS NULL) OVER (ORDER BY a.ord) > v_place THEN 'limit'
              ELSE 'set' END AS verdict
            FROM ${asked} LEFT JOIN room_attributes r ON r.app_id = ${c.appId} AND r.room_id = ${c.roomId} AND r.\`key\` = a.k
          ) AS j) INTO v_verdicts;
          INSERT INTO room_attributes (app_id, room_id, \`key\`, value, owner, auto_delete)
          SELECT ${c.appId}, ${c.roomId}, a.k, a.v, ${c.owner}, ${c.autoDelete} FROM ${asked} ${judged('set')} ORDER BY a.k
          ON DUPLICATE KEY UPDATE value = VALUES(value), owner = VALUES(owner), auto_delete = VALUES(auto_delete);
          IF JSON_CONTAINS(v_verdicts, '"set"') THEN
            SET v_i = 0;
            WHILE v_i < JSON_LENGTH(v_verdicts) DO
              IF JSON_VALUE(v_verdicts, CONCAT('$[', v_i, ']')) = 'set' THEN
                SET v_named = JSON_SET(COALESCE(v_named, '{}'),
                  CONCAT('$."', JSON_VALUE(${attributes}, CONCAT('$[', v_i, '].key')), '"'),
                  JSON_VALUE(${attributes}, CONCAT('$[', v_i, '].value')));
              END IF;
              SET v_i = v_i + 1;
            END WHILE;
            ${statement.storeEvents([{ event: c.set, payload: statement.payloadWith(c.set.payload, 'properties', sql`JSON_QUERY(v_named, '$')`) }])}
          END IF;`,
        answer: sql`, v_verdicts AS verdicts`,
      }),
    );
    if (answer.refused !== null) return settingsRefusal(answer);
    const verdicts = verdictsOf(
      answer,
      c.attributes.map((a) => a.key),
    );
    return { setKeys: verdicts('set'), ownedByOthers: verdicts('owned'), overLimit: verdicts('limit') };
  }

  /**
   * The room locked, the user's membership checked unless forced, then each key judged in the
   * order asked (missing; another member's unless forced; else deleted), the deleted ones named
   * in the event.
   */
  async deleteAttributes(c: DeleteAttributesCommand): Promise<Outcome<DeleteAttributesDone>> {
    const asked = sql`JSON_TABLE(${JSON.stringify(c.keys)}, '$[*]' COLUMNS (ord FOR ORDINALITY, k VARCHAR(128) PATH '$')) AS a`;
    const answer = await this.send<{ verdicts: string | null }>(() =>
      statement.onRoom(c.appId, c.roomId, {
        declare: VERDICT_VARIABLES,
        body: sql`
          ${c.forced ? sql`` : memberOrRefuse(c, c.user)}
          SELECT (SELECT JSON_ARRAYAGG(CASE
              WHEN r.owner IS NULL THEN 'missing'
              ${c.forced ? sql`` : sql`WHEN r.owner <> ${c.user} THEN 'owned'`}
              ELSE 'deleted' END ORDER BY a.ord)
            FROM ${asked} LEFT JOIN room_attributes r ON r.app_id = ${c.appId} AND r.room_id = ${c.roomId} AND r.\`key\` = a.k)
          INTO v_verdicts;
          SELECT (SELECT JSON_ARRAYAGG(a.k ORDER BY a.ord) FROM ${asked} ${judged('deleted')}) INTO v_named;
          IF v_named IS NOT NULL THEN
            DELETE FROM room_attributes WHERE ${inRoom(c)}
              AND \`key\` IN (${c.keys.length === 0 ? sql`NULL` : sql.join([...c.keys])}) AND JSON_CONTAINS(v_named, JSON_QUOTE(\`key\`));
            ${statement.storeEvents([{ event: c.deleted, payload: statement.payloadWith(c.deleted.payload, 'keys', sql`JSON_QUERY(v_named, '$')`) }])}
          END IF;`,
        answer: sql`, v_verdicts AS verdicts`,
      }),
    );
    if (answer.refused !== null) return settingsRefusal(answer);
    const verdicts = verdictsOf(answer, c.keys);
    return { deletedKeys: verdicts('deleted'), missing: verdicts('missing'), ownedByOthers: verdicts('owned') };
  }
}

/** The room's `info` (the domain's `roomInfo`, its keys in that order) from the row of `rooms`. */
function roomInfo(event: RoomEvent): RawBuilder<unknown> {
  const fixed = Object.entries(ROOM_INFO_FIXED).map(([key, value]) => sql`${key}, ${value}`);
  return sql`JSON_OBJECT(
    'owner', CONCAT(${`${event.org}#${event.app}_`}, owner),
    'created', CAST(created AS CHAR),
    'custom', custom,
    'description', description,
    'mute', IF(mute_all, 'true', 'false'),
    'mute_duration', IF(mute_all, -1, 0),
    'title', name,
    'max_users', CAST(max_users AS CHAR),
    ${sql.join(fixed)})`;
}

/** The variables of the attribute commands: each key's verdict as asked, the keys (or attributes) the event names, the place left. */
const VERDICT_VARIABLES = sql`
  DECLARE v_verdicts LONGTEXT DEFAULT NULL;
  DECLARE v_named LONGTEXT DEFAULT NULL;
  DECLARE v_place INT DEFAULT 0;
  DECLARE v_i INT DEFAULT 0;`;

/** The command's room's rows of a per-room table. */
function inRoom(c: { readonly appId: string; readonly roomId: string }): RawBuilder<unknown> {
  return sql`app_id = ${c.appId} AND room_id = ${c.roomId}`;
}

/** Refuses `not-in-room` when `username` is not a member of the locked room. */
function memberOrRefuse(c: { readonly appId: string; readonly roomId: string }, username: UserId): RawBuilder<unknown> {
  return sql`
    SELECT COUNT(*) INTO v_found FROM memberships WHERE ${inRoom(c)} AND username = ${username};
    ${statement.refuseIf(sql`v_found = 0`, 'not-in-room')}`;
}

/** The rows of `a` (the keys asked, `ord` their place) whose verdict in `v_verdicts` is `verdict`. */
function judged(verdict: string): RawBuilder<unknown> {
  return sql`JOIN JSON_TABLE(v_verdicts, '$[*]' COLUMNS (ord FOR ORDINALITY, verdict VARCHAR(8) PATH '$')) AS s
    ON s.ord = a.ord WHERE s.verdict = ${verdict}`;
}

/** The keys (as asked) given each verdict. */
function verdictsOf(answer: { verdicts: string | null }, keys: readonly string[]): (verdict: string) => string[] {
  const verdicts = answer.verdicts === null ? [] : (JSON.parse(answer.verdicts) as string[]);
  return (verdict) => keys.filter((_, i) => verdicts[i] === verdict);
}

/** The attribute commands' refusals: the room's, or the user not in it. */
function settingsRefusal(answer: statement.Answer): Refusal {
  return answer.refused === 'not-in-room' ? { refused: 'not-in-room' } : statement.refusalOf(answer, []);
}
