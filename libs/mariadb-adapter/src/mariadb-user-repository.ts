import type { User, UserId, UserRepository } from '@chatroom/domain';
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
      .values(
        users.map((u) => ({
          app_id: u.appId,
          username: u.username,
          uuid: u.uuid,
          password_hash: u.passwordHash,
          nickname: u.nickname,
          created: u.created,
          modified: u.modified,
        })),
      )
      .onDuplicateKeyUpdate({ username: sql`username` })
      .returning(['app_id', 'username', 'uuid'])
      .execute();
    const inserted = new Set(rows.map((r) => `${r.app_id}#${r.username}#${r.uuid}`));
    return users.filter((u) => inserted.delete(`${u.appId}#${u.username}#${u.uuid}`)).map((u) => u.username);
  }

  async findByUsername(appId: string, username: UserId): Promise<User | null> {
    const row = await this.db
      .selectFrom('users')
      .select(['app_id', 'username', 'uuid', 'password_hash', 'nickname', 'created', 'modified'])
      .where('app_id', '=', appId)
      .where('username', '=', username)
      .executeTakeFirst();
    if (!row) return null;
    return {
      appId: row.app_id,
      username: row.username as UserId,
      uuid: row.uuid,
      passwordHash: row.password_hash,
      nickname: row.nickname,
      created: row.created,
      modified: row.modified,
    };
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

  /**
   * Their list entries, mutes, attributes and super-admin role go with the row (ON DELETE
   * CASCADE); remaining memberships make it fail (1451, no cascade), as their counters would lie.
   */
  async delete(appId: string, username: UserId): Promise<boolean> {
    const result = await this.db
      .deleteFrom('users')
      .where('app_id', '=', appId)
      .where('username', '=', username)
      .executeTakeFirst();
    return result.numDeletedRows > 0n;
  }
}
