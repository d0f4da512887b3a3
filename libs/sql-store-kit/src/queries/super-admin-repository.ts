import type { SuperAdminRepository, UserId } from '@chatroom/domain';
import type { Kysely } from 'kysely';
import type { DialectShapes } from '../dialect-shapes.js';
import type { SharedDatabase } from '../schema/shared-tables.js';

/** Super admins, the same on both SQL stores but for the shapes of `DialectShapes`. */
export class SqlSuperAdminRepository implements SuperAdminRepository {
  constructor(
    private readonly db: Kysely<SharedDatabase>,
    private readonly shapes: DialectShapes,
  ) {}

  /** Insert-or-skip: an existing super admin keeps their place, also under concurrent adds. */
  async add(appId: string, username: UserId): Promise<void> {
    const insert = this.db.insertInto('super_admins').values({ app_id: appId, username });
    await this.shapes.skipOnConflict(insert, ['app_id', 'username']).execute();
  }

  async remove(appId: string, username: UserId): Promise<boolean> {
    const result = await this.db
      .deleteFrom('super_admins')
      .where('app_id', '=', appId)
      .where('username', '=', username)
      .executeTakeFirst();
    return result.numDeletedRows > 0n;
  }

  /** A range scan of super_admins_order_idx (index-only on PostgreSQL). */
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
