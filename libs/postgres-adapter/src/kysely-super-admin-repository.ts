import type { SuperAdminRepository, UserId } from '@chatroom/domain';
import type { Kysely } from 'kysely';
import type { Database } from './schema/database.js';

export class KyselySuperAdminRepository implements SuperAdminRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** ON CONFLICT DO NOTHING: an existing super admin keeps their place, also under concurrent adds. */
  async add(appId: string, username: UserId): Promise<void> {
    await this.db
      .insertInto('super_admins')
      .values({ app_id: appId, username })
      .onConflict((oc) => oc.columns(['app_id', 'username']).doNothing())
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

  /** An index-only range scan of super_admins_order_idx. */
  async listPage(appId: string, offset: number, limit: number): Promise<UserId[]> {
    const rows = await this.db
      .selectFrom('super_admins')
      .select('username')
      .where('app_id', '=', appId)
      .orderBy('seq')
      .offset(offset)
      .limit(limit)
      .execute();
    return rows.map((r) => r.username as UserId);
  }
}
