import { ROOM_INFO_FIXED, type ModifyRoomCommand, type Outcome, type RoomEvent } from '@chatroom/domain';
import { sql, type RawBuilder } from 'kysely';
import * as statement from './mariadb-command-statement.js';

/**
 * The room's settings, ONE compound statement on the room locked first (MariadbRoomCommands
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
