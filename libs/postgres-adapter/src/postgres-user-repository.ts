import type { User, UserId, UserRepository } from '@chatroom/domain';
import { deleteUser, findUser, userRow, sharedTables } from '@chatroom/sql-store-kit';
import type { Kysely } from 'kysely';
import type { Database } from './schema/database.js';
import { runPrecompiled } from './precompiled.js';

export class PostgresUserRepository implements UserRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insertMany(users: readonly User[]): Promise<UserId[]> {
    if (users.length === 0) return [];
    // ON CONFLICT DO NOTHING skips taken names, also those a concurrent unit inserts meanwhile.
    const rows = await this.db
      .insertInto('users')
      .values(users.map(userRow))
      .onConflict((oc) => oc.columns(['app_id', 'username']).doNothing())
      .returning(['app_id', 'username'])
      .execute();
    const inserted = new Set(rows.map((r) => `${r.app_id}#${r.username}`));
    return users.filter((u) => inserted.delete(`${u.appId}#${u.username}`)).map((u) => u.username);
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

  findByUsername(appId: string, username: UserId): Promise<User | null> {
    return findUser(sharedTables(this.db), appId, username);
  }

  /** With what cascades, and refused while memberships remain (see the kit). */
  delete(appId: string, username: UserId): Promise<boolean> {
    return deleteUser(sharedTables(this.db), appId, username);
  }
}
