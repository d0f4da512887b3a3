import type { Outcome, PromoteAdminCommand, SetAdminCommand, UpdateRoomCommand } from '@chatroom/domain';
import { sql, type RawBuilder } from 'kysely';
import * as statement from './mariadb-command-statement.js';

/**
 * The room's roles and its two settings that need no look first, each ONE compound statement
 * on the room locked first (MariadbRoomCommands says how they are sent and when they are not).
 */
export class AdminCommandStatements {
  constructor(private readonly send: statement.Send) {}

  /** The member's role read under the room's lock, the room's admins counted, then the role set. */
  async promoteAdmin(c: PromoteAdminCommand): Promise<Outcome<{ changed: boolean }>> {
    const member = sql`app_id = ${c.appId} AND room_id = ${c.roomId}`;
    const answer = await this.send<{ changed: boolean | number }>(() =>
      statement.onRoomAndUser(c.appId, c.roomId, c.username, {
        declare: sql`
          DECLARE v_role VARCHAR(6) DEFAULT NULL;
          DECLARE v_changed BOOLEAN DEFAULT FALSE;`,
        body: sql`
          SELECT COUNT(*), MAX(role) INTO v_found, v_role FROM memberships WHERE ${member} AND username = ${c.username};
          ${statement.refuseIf(sql`v_found = 0`, 'not-member')}
          ${statement.refuseIf(sql`v_role = 'owner'`, 'owner-not-admin')}
          IF v_role = 'admin' THEN LEAVE guarded; END IF;
          SELECT COUNT(*) INTO v_found FROM memberships WHERE ${member} AND role = 'admin';
          ${statement.refuseIf(sql`v_found >= ${c.maxAdmins}`, 'admin-limit')}
          ${setRole(c, 'admin')}
          SET v_changed = TRUE;`,
        answer: sql`, v_changed AS changed`,
      }),
    );
    if (answer.refused !== null) return statement.refusalOf(answer, [c.username]);
    return { changed: Boolean(answer.changed) };
  }

  /** The member's role read under the room's lock, then set back to member. */
  async demoteAdmin(c: SetAdminCommand): Promise<Outcome<Record<never, never>>> {
    const answer = await this.send(() =>
      statement.onRoomAndUser(c.appId, c.roomId, c.username, {
        declare: sql`DECLARE v_role VARCHAR(6) DEFAULT NULL;`,
        body: sql`
          SELECT MAX(role) INTO v_role FROM memberships
          WHERE app_id = ${c.appId} AND room_id = ${c.roomId} AND username = ${c.username};
          SET v_user = ${c.username};
          ${statement.refuseIf(sql`v_role IS NULL OR v_role <> 'admin'`, 'not-admin')}
          ${setRole(c, 'member')}`,
      }),
    );
    return answer.refused !== null ? statement.refusalOf(answer, [c.username]) : {};
  }

  /** The room locked, then its announcement or mute-all flag set. */
  async updateRoom(c: UpdateRoomCommand): Promise<Outcome<Record<never, never>>> {
    const { announcement, muteAll } = c.patch;
    const answer = await this.send(() =>
      statement.onRoom(c.appId, c.roomId, {
        body: sql`
          UPDATE rooms SET announcement = COALESCE(${announcement ?? null}, announcement),
            mute_all = COALESCE(${muteAll ?? null}, mute_all)
          WHERE app_id = ${c.appId} AND id = ${c.roomId};
          ${statement.storeEvents([{ event: c.updated }])}`,
      }),
    );
    return answer.refused !== null ? statement.refusalOf(answer, []) : {};
  }
}

/** The member's new role (never the owner's) and the `ADMIN` event. */
function setRole(c: SetAdminCommand, role: 'admin' | 'member'): RawBuilder<unknown> {
  return sql`
    UPDATE memberships SET role = ${role}
    WHERE app_id = ${c.appId} AND room_id = ${c.roomId} AND username = ${c.username} AND role <> 'owner';
    ${statement.storeEvents([{ event: c.changed }])}`;
}
