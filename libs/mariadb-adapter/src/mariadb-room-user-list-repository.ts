import type { RoomUserList, RoomUserListRepository, UserId } from '@chatroom/domain';
import { sql, type Kysely } from 'kysely';
import { inAskedOrder } from '@chatroom/sql-store-kit';
import type { Database } from './schema/database.js';

export class MariadbRoomUserListRepository implements RoomUserListRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * One statement for the batch; AUTO_INCREMENT gives the rows of one INSERT increasing seq in
   * the order given. A no-op ON DUPLICATE KEY UPDATE keeps those already on the list where
   * they are, also when a concurrent unit puts them on it.
   */
  async add(appId: string, roomId: string, list: RoomUserList, usernames: readonly UserId[]): Promise<void> {
    if (usernames.length === 0) return;
    await this.db
      .insertInto('room_user_lists')
      .values([...new Set(usernames)].map((username) => ({ app_id: appId, room_id: roomId, list, username })))
      .onDuplicateKeyUpdate({ username: sql`username` })
      .execute();
  }

  /** DELETE … RETURNING is MariaDB's too. */
  async remove(appId: string, roomId: string, list: RoomUserList, usernames: readonly UserId[]): Promise<UserId[]> {
    if (usernames.length === 0) return [];
    const rows = await this.db
      .deleteFrom('room_user_lists')
      .where('app_id', '=', appId)
      .where('room_id', '=', roomId)
      .where('list', '=', list)
      .where('username', 'in', [...usernames])
      .returning('username')
      .execute();
    return inAskedOrder(
      usernames,
      rows.map((r) => r.username),
    );
  }

  /** A range scan of room_user_lists_order_idx. */
  async list(appId: string, roomId: string, list: RoomUserList): Promise<UserId[]> {
    const rows = await this.entries(appId, roomId, list).orderBy('seq').execute();
    return rows.map((r) => r.username as UserId);
  }

  async filter(appId: string, roomId: string, list: RoomUserList, usernames: readonly UserId[]): Promise<UserId[]> {
    if (usernames.length === 0) return [];
    const rows = await this.entries(appId, roomId, list)
      .where('username', 'in', [...usernames])
      .execute();
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
