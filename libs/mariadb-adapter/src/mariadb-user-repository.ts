import type { User, UserId, UserRepository } from '@chatroom/domain';
import { deleteUser, findUser, userRow, sharedTables } from '@chatroom/sql-store-kit';
import { sql, type Kysely } from 'kysely';
import type { Database } from './schema/database.js';

export class MariadbUserRepository implements UserRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * One statement: INSERT … ON DUPLICATE KEY UPDATE with a no-op update skips taken names, also
   * those a concurrent unit inserts meanwhile (the duplicate check waits for it). RETURNING then
   * gives, for each row given, the stored row, ours or the one already there: ours are those
   * whose uuid is the one we gave. (INSERT IGNORE would skip the same rows but would also turn
   * any other error, a foreign key or a value too long, into a silent warning.)
   */
  async insertMany(users: readonly User[]): Promise<UserId[]> {
    if (users.length === 0) return [];
    const rows = await this.db
      .insertInto('users')
      .values(users.map(userRow))
      .onDuplicateKeyUpdate({ username: sql`username` })
      .returning(['app_id', 'username', 'uuid'])
      .execute();
    const inserted = new Set(rows.map((r) => `${r.app_id}#${r.username}#${r.uuid}`));
    return users.filter((u) => inserted.delete(`${u.appId}#${u.username}#${u.uuid}`)).map((u) => u.username);
  }

  async findExisting(appId: string, usernames: readonly UserId[]): Promise<UserId[]> {
    if (usernames.length === 0) return [];
    const rows = await this.db
      .selectFrom('users')
      .select('username')
      .where('app_id', '=', appId)
      .where('username', 'in', [...usernames])
      .execute();
    return rows.map((r) => r.username as UserId);
  }

  findByUsername(appId: string, username: UserId): Promise<User | null> {
    return findUser(sharedTables(this.db), appId, username);
  }

  /** With what cascades, and refused while memberships remain (see the kit). */
  delete(appId: string, username: UserId): Promise<boolean> {
    return deleteUser(sharedTables(this.db), appId, username);
  }
}
