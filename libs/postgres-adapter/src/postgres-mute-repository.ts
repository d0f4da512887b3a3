import type { MuteEntry, MuteRepository, UserId } from '@chatroom/domain';
import { sql, type Kysely } from 'kysely';
import { inAskedOrder } from '@chatroom/sql-store-kit';
import type { Database } from './schema/database.js';
import { textArray } from './sql-arrays.js';
import { touchedRoom } from './touched-room.js';

export class PostgresMuteRepository implements MuteRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * One statement for the batch. A user named twice counts once, with their last entry and at
   * its place (ON CONFLICT cannot touch one row twice). A replaced mute takes a new seq, so it
   * lists as set last. The room's row gets a new version (`touchedRoom`), as the mute command's
   * does.
   */
  async upsert(appId: string, roomId: string, entries: readonly MuteEntry[]): Promise<void> {
    const last = new Map<UserId, number>();
    for (const { username, expiresAt } of entries) {
      last.delete(username);
      last.set(username, expiresAt);
    }
    if (last.size === 0) return;
    await sql`
      WITH ${touchedRoom(appId, roomId, sql`TRUE`)}
      INSERT INTO mutes (app_id, room_id, username, expires_at)
      SELECT ${appId}::uuid, ${roomId}::text, e.username, e.expires_at
      FROM unnest(${textArray([...last.keys()])}, ${[...last.values()]}::bigint[]) WITH ORDINALITY
        AS e (username, expires_at, ord)
      ORDER BY e.ord
      ON CONFLICT (app_id, room_id, username) DO UPDATE SET expires_at = excluded.expires_at, seq = DEFAULT
    `.execute(this.db);
  }

  async remove(appId: string, roomId: string, usernames: readonly UserId[]): Promise<UserId[]> {
    if (usernames.length === 0) return [];
    const rows = await this.db
      .deleteFrom('mutes')
      .where('app_id', '=', appId)
      .where('room_id', '=', roomId)
      .where('username', '=', (eb) => eb.fn.any(textArray(usernames)))
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
