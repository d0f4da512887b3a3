import type { DeleteUserCommand, Outcome, User } from '@chatroom/domain';
import { answeredUser, type AnsweredUserRow } from '@chatroom/sql-store-kit';
import { sql, type RawBuilder } from 'kysely';
import * as statement from './mariadb-command-statement.js';

/**
 * The user's deletion, ONE compound statement (MariadbRoomCommands says how it is sent and when
 * it is not), in the unit's order and lock order: the user read, the rooms they are in locked
 * (id order), the rooms they leave left (memberships, counts), the rooms they own locked and
 * dissolved (members' slots in username order, rows, the app's count), then their row (its
 * list entries, mutes, attributes and super-admin role go with it: ON DELETE CASCADE). Its
 * events are one or two per room, so each is stored in a loop over the rooms, its id drawn by
 * `UUID()` there.
 */
export class UserCommandStatements {
  constructor(private readonly send: statement.Send) {}

  async deleteUser(c: DeleteUserCommand): Promise<Outcome<{ user: User }>> {
    const { appId, username } = c;
    const [gone, leave] = c.dissolved;
    const answer = await this.send<AnsweredUserRow>(() =>
      statement.compound({
        declare: sql`
          DECLARE v_found INT DEFAULT 0;
          DECLARE v_uuid CHAR(36) DEFAULT NULL;
          DECLARE v_hash TEXT DEFAULT NULL;
          DECLARE v_nickname VARCHAR(100) DEFAULT NULL;
          DECLARE v_created BIGINT DEFAULT NULL;
          DECLARE v_modified BIGINT DEFAULT NULL;
          DECLARE v_rooms LONGTEXT DEFAULT NULL;
          DECLARE v_left LONGTEXT DEFAULT NULL;
          DECLARE v_owned LONGTEXT DEFAULT NULL;
          DECLARE v_members LONGTEXT DEFAULT NULL;
          DECLARE v_room VARCHAR(64) DEFAULT NULL;
          DECLARE v_count INT DEFAULT NULL;
          DECLARE v_i INT DEFAULT 0;
          DECLARE v_event CHAR(36) DEFAULT NULL;
          DECLARE v_second CHAR(36) DEFAULT NULL;`,
        body: sql`
          SELECT COUNT(*), MAX(uuid), MAX(password_hash), MAX(nickname), MAX(created), MAX(modified)
          INTO v_found, v_uuid, v_hash, v_nickname, v_created, v_modified
          FROM users WHERE app_id = ${appId} AND username = ${username};
          SET v_user = ${username};
          ${statement.refuseIf(sql`v_found = 0`, 'user-missing')}
          SELECT JSON_ARRAYAGG(id ORDER BY id) INTO v_rooms FROM rooms
          WHERE app_id = ${appId} AND id IN (SELECT room_id FROM memberships WHERE app_id = ${appId} AND username = ${username})
          FOR UPDATE;
          SELECT JSON_ARRAYAGG(m.room_id ORDER BY m.room_id) INTO v_left FROM memberships m
          JOIN ${ids(sql`v_rooms`)} ON m.app_id = ${appId} AND m.room_id = j.id AND m.username = ${username}
          WHERE m.role <> 'owner' FOR UPDATE;
          IF v_left IS NOT NULL THEN
            DELETE m FROM memberships m JOIN ${ids(sql`v_left`)} ON m.app_id = ${appId} AND m.room_id = j.id AND m.username = ${username};
            UPDATE rooms r JOIN ${ids(sql`v_left`)} ON r.app_id = ${appId} AND r.id = j.id SET r.member_count = r.member_count - 1;
            UPDATE users SET joined_count = joined_count - JSON_LENGTH(v_left) WHERE app_id = ${appId} AND username = ${username};
            ${eachRoom(
              sql`v_left`,
              sql`SELECT member_count INTO v_count FROM rooms WHERE app_id = ${appId} AND id = v_room;
              SET v_event = UUID();
              ${statement.storeEvents([{ event: c.left, id: sql`v_event`, roomId: sql`v_room`, memberCount: sql`v_count` }])}`,
            )}
          END IF;
          SELECT JSON_ARRAYAGG(id ORDER BY id) INTO v_owned FROM rooms WHERE app_id = ${appId} AND owner = ${username} FOR UPDATE;
          IF v_owned IS NOT NULL THEN
            ${eachRoom(
              sql`v_owned`,
              sql`SELECT (SELECT JSON_ARRAYAGG(username ORDER BY role <> 'owner', seq) FROM memberships
                WHERE app_id = ${appId} AND room_id = v_room) INTO v_members;
              SET v_event = UUID();
              ${statement.storeEvents([{ event: gone, id: sql`v_event`, roomId: sql`v_room` }])}
              IF v_members IS NOT NULL THEN
                SET v_second = UUID();
                ${statement.storeEvents([
                  {
                    event: leave,
                    id: sql`v_second`,
                    roomId: sql`v_room`,
                    payload: statement.payloadWith(leave.payload, 'member', sql`JSON_QUERY(v_members, '$')`),
                  },
                ])}
              END IF;`,
            )}
            UPDATE users AS u
            JOIN (SELECT m.username, count(*) AS n FROM memberships m JOIN ${ids(sql`v_owned`)}
                  ON m.app_id = ${appId} AND m.room_id = j.id GROUP BY m.username) AS left_rooms
              ON u.app_id = ${appId} AND u.username = left_rooms.username
            SET u.joined_count = u.joined_count - left_rooms.n;
            DELETE r FROM rooms r JOIN ${ids(sql`v_owned`)} ON r.app_id = ${appId} AND r.id = j.id;
            UPDATE apps SET room_count = room_count - JSON_LENGTH(v_owned) WHERE id = ${appId};
          END IF;
          DELETE FROM users WHERE app_id = ${appId} AND username = ${username};`,
        answer: sql`, v_uuid AS uuid, v_hash AS password_hash, v_nickname AS nickname, v_created AS created, v_modified AS modified`,
      }),
    );
    if (answer.refused !== null) return statement.refusalOf(answer, [username]);
    return { user: answeredUser(appId, username, answer) };
  }
}

/** The room ids of the JSON array `json` as a table `j` (id), in their order. */
function ids(json: RawBuilder<unknown>): RawBuilder<unknown> {
  return sql`JSON_TABLE(${json}, '$[*]' COLUMNS (id VARCHAR(64) PATH '$')) AS j`;
}

/** `body` once for each room id of the JSON array `json`, in its order, the id in `v_room`. */
function eachRoom(json: RawBuilder<unknown>, body: RawBuilder<unknown>): RawBuilder<unknown> {
  return sql`
    SET v_i = 0;
    WHILE v_i < JSON_LENGTH(${json}) DO
      SET v_room = JSON_VALUE(${json}, CONCAT('$[', v_i, ']'));
      ${body}
      SET v_i = v_i + 1;
    END WHILE;`;
}
