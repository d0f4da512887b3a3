import type { RoomUserList, RoomUserListRepository, UserId } from '@chatroom/domain';
import { sql, type Kysely } from 'kysely';
import { inAskedOrder } from '@chatroom/sql-store-kit';
import type { Database } from './schema/database.js';
import { runPrecompiled } from './precompiled.js';
import { textArray } from './sql-arrays.js';

export class PostgresRoomUserListRepository implements RoomUserListRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * One statement for the batch; seq follows the order given. ON CONFLICT DO NOTHING keeps
   * those already on the list where they are, also when a concurrent unit puts them on it.
   */
  async add(appId: string, roomId: string, list: RoomUserList, usernames: readonly UserId[]): Promise<void> {
    if (usernames.length === 0) return;
    // A block bumps the room's block_seq in the same statement: an addition waiting for the room
    // then sees that its snapshot is stale (see PostgresRoomCommands.addMembers).
    await sql`
      WITH listed AS (
        INSERT INTO room_user_lists (app_id, room_id, list, username)
        SELECT ${appId}::uuid, ${roomId}::text, ${list}::text, w.username
        FROM unnest(${textArray([...new Set(usernames)])}) WITH ORDINALITY AS w (username, ord)
        ORDER BY w.ord
        ON CONFLICT (app_id, room_id, list, username) DO NOTHING
      )
      UPDATE rooms SET block_seq = block_seq + 1 WHERE app_id = ${appId} AND id = ${roomId} AND ${list === 'blocklist'}
    `.execute(this.db);
  }

  async remove(appId: string, roomId: string, list: RoomUserList, usernames: readonly UserId[]): Promise<UserId[]> {
    if (usernames.length === 0) return [];
    const rows = await this.db
      .deleteFrom('room_user_lists')
      .where('app_id', '=', appId)
      .where('room_id', '=', roomId)
      .where('list', '=', list)
      .where('username', '=', (eb) => eb.fn.any(textArray(usernames)))
      .returning('username')
      .execute();
    return inAskedOrder(
      usernames,
      rows.map((r) => r.username),
    );
  }

  /** An index-only range scan of room_user_lists_order_idx. */
  async list(appId: string, roomId: string, list: RoomUserList): Promise<UserId[]> {
    const rows = await this.entries(appId, roomId, list).orderBy('seq').execute();
    return rows.map((r) => r.username as UserId);
  }

  async filter(appId: string, roomId: string, list: RoomUserList, usernames: readonly UserId[]): Promise<UserId[]> {
    if (usernames.length === 0) return [];
    // Precompiled: every addition asks it for the blocklist (see precompiled.ts).
    const rows = await runPrecompiled<{ username: string }>(
      this.db,
      'SELECT username FROM room_user_lists WHERE app_id = $1 AND room_id = $2 AND list = $3 AND username = any($4::text[])',
      [appId, roomId, list, [...usernames]],
    );
    return rows.map((r) => r.username as UserId);
  }

  private entries(appId: string, roomId: string, list: RoomUserList) {
    return this.db
      .selectFrom('room_user_lists')
      .select('username')
      .where('app_id', '=', appId)
      .where('room_id', '=', roomId)
      .where('list', '=', list);
  }
}
