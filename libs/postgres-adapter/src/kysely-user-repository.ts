import type { User, UserId, UserRepository } from '@chatroom/domain';
import type { Kysely } from 'kysely';
import type { Database } from './schema/database.js';
import { runPrecompiled } from './precompiled.js';

export class KyselyUserRepository implements UserRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insertMany(users: readonly User[]): Promise<UserId[]> {
    if (users.length === 0) return [];
    // ON CONFLICT DO NOTHING skips taken names, also those a concurrent unit inserts meanwhile.
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
      .onConflict((oc) => oc.columns(['app_id', 'username']).doNothing())
      .returning(['app_id', 'username'])
      .execute();
    const inserted = new Set(rows.map((r) => `${r.app_id}#${r.username}`));
    return users.filter((u) => inserted.delete(`${u.appId}#${u.username}`)).map((u) => u.username);
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
    // Precompiled: every addition and create asks it (see precompiled.ts).
    const rows = await runPrecompiled<{ username: string }>(
      this.db,
      'SELECT username FROM users WHERE app_id = $1 AND username = any($2::text[])',
      [appId, [...usernames]],
    );
    return rows.map((r) => r.username as UserId);
  }

  /**
   * Their list entries, mutes, attributes and super-admin role go with the row (ON DELETE
   * CASCADE); remaining memberships make it fail (NO ACTION), as their counters would lie.
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
