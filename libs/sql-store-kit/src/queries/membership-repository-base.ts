import type { MembershipRepository, Role, UserId } from '@chatroom/domain';
import type { Kysely } from 'kysely';
import type { SharedDatabase } from '../schema/shared-tables.js';

/** The membership repository's methods that both SQL stores write alike; adding and removing are each store's own. */
export abstract class SqlMembershipRepositoryBase
  implements Pick<MembershipRepository, 'roleOf' | 'setRole' | 'admins'>
{
  constructor(protected readonly shared: Kysely<SharedDatabase>) {}

  async roleOf(appId: string, roomId: string, username: UserId): Promise<Role | null> {
    const row = await this.shared
      .selectFrom('memberships')
      .select('role')
      .where('app_id', '=', appId)
      .where('room_id', '=', roomId)
      .where('username', '=', username)
      .executeTakeFirst();
    return row?.role ?? null;
  }

  async setRole(appId: string, roomId: string, username: UserId, role: 'admin' | 'member'): Promise<void> {
    await this.shared
      .updateTable('memberships')
      .set({ role })
      .where('app_id', '=', appId)
      .where('room_id', '=', roomId)
      .where('username', '=', username)
      .where('role', '<>', 'owner')
      .execute();
  }

  /** At most 99 entries: a range scan of an index that carries the role (a partial one on PostgreSQL). */
  async admins(appId: string, roomId: string): Promise<UserId[]> {
    const rows = await this.shared
      .selectFrom('memberships')
      .select('username')
      .where('app_id', '=', appId)
      .where('room_id', '=', roomId)
      .where('role', '=', 'admin')
      .orderBy('seq')
      .execute();
    return rows.map((r) => r.username as UserId);
  }
}
