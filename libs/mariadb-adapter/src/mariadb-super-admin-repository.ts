import type { SuperAdminRepository, UserId } from '@chatroom/domain';
import { sql, type Kysely } from 'kysely';
import type { Database } from './schema/database.js';

export class MariadbSuperAdminRepository implements SuperAdminRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** A no-op ON DUPLICATE KEY UPDATE: an existing super admin keeps their place, also under concurrent adds. */
  async add(appId: string, username: UserId): Promise<void> {
    await this.db
      .insertInto('super_admins')
      .values({ app_id: appId, username })
      .onDuplicateKeyUpdate({ username: sql`username` })
      .execute();
  }

  async remove(appId: string, username: UserId): Promise<boolean> {
    const result = await this.db
      .deleteFrom('super_admins')
      .where('app_id', '=', appId)
      .where('username', '=', username)
      .executeTakeFirst();
    return result.numDeletedRows > 0n;
  }

  /** A range scan of super_admins_order_idx. */
  async listPage(appId: string, offset: number, limit: number): Promise<UserId[]> {
    const rows = await this.db
      .selectFrom('super_admins')
      .select('username')
      .where('app_id', '=', appId)
      .orderBy('seq')
      .limit(limit)
      .offset(offset)
      .execute();
    return rows.map((r) => r.username as UserId);
  }
}
