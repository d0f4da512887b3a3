import type { MuteEntry, MuteRepository, UserId } from '@chatroom/domain';
import { sql, type Kysely } from 'kysely';
import { inAskedOrder } from '@chatroom/sql-store-kit';
import type { Database } from './schema/database.js';

export class MariadbMuteRepository implements MuteRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * One statement for the batch. A user named twice counts once, with their last entry and at
   * its place. seq comes from the `mute_seq` sequence (the column's default), and a replaced
   * mute draws a new value in the ON DUPLICATE KEY UPDATE, so it lists as set last: what
   * AUTO_INCREMENT could not give an updated row.
   */
  async upsert(appId: string, roomId: string, entries: readonly MuteEntry[]): Promise<void> {
    const last = new Map<UserId, number>();
    for (const { username, expiresAt } of entries) {
      last.delete(username);
      last.set(username, expiresAt);
    }
    if (last.size === 0) return;
    await this.db
      .insertInto('mutes')
      .values(
        [...last].map(([username, expiresAt]) => ({ app_id: appId, room_id: roomId, username, expires_at: expiresAt })),
      )
      .onDuplicateKeyUpdate({ expires_at: sql`VALUES(expires_at)`, seq: sql`NEXT VALUE FOR mute_seq` })
      .execute();
  }

  async remove(appId: string, roomId: string, usernames: readonly UserId[]): Promise<UserId[]> {
    if (usernames.length === 0) return [];
    const rows = await this.db
      .deleteFrom('mutes')
      .where('app_id', '=', appId)
      .where('room_id', '=', roomId)
      .where('username', 'in', [...usernames])
      .returning('username')
      .execute();
    return inAskedOrder(
      usernames,
      rows.map((r) => r.username),
    );
  }

  /** Ended mutes stay stored until lifted or their member leaves; they are filtered out here. */
  async listActive(appId: string, roomId: string, now: number): Promise<MuteEntry[]> {
    const rows = await this.db
      .selectFrom('mutes')
      .select(['username', 'expires_at'])
      .where('app_id', '=', appId)
      .where('room_id', '=', roomId)
      .where((eb) => eb.or([eb('expires_at', '=', -1), eb('expires_at', '>', now)]))
      .orderBy('seq')
      .execute();
    return rows.map((r) => ({ username: r.username as UserId, expiresAt: r.expires_at }));
  }
}
