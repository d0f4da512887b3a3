import type { User, UserId } from '@chatroom/domain';
import type { Insertable, Kysely } from 'kysely';
import type { SharedDatabase, UsersTable } from '../schema/shared-tables.js';

/** The columns of a user's row a command's statement answers with (the user as they were). */
export interface AnsweredUserRow {
  readonly uuid: string | null;
  readonly password_hash: string | null;
  readonly nickname: string | null;
  readonly created: number | string | null;
  readonly modified: number | string | null;
}

/** The user a statement answered with, as `findUser` returns one. */
export function answeredUser(appId: string, username: UserId, row: AnsweredUserRow): User {
  return {
    appId,
    username,
    uuid: row.uuid!,
    passwordHash: row.password_hash!,
    nickname: row.nickname,
    created: Number(row.created),
    modified: Number(row.modified),
  };
}

/** The row a new user is inserted as. */
export function userRow(u: User): Insertable<UsersTable> {
  return {
    app_id: u.appId,
    username: u.username,
    uuid: u.uuid,
    password_hash: u.passwordHash,
    nickname: u.nickname,
    created: u.created,
    modified: u.modified,
  };
}

export async function findUser(db: Kysely<SharedDatabase>, appId: string, username: UserId): Promise<User | null> {
  const row = await db
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

/**
 * Their list entries, mutes, attributes and super-admin role go with the row (ON DELETE
 * CASCADE); remaining memberships make it fail (a foreign key without cascade), as their
 * counters would lie.
 */
export async function deleteUser(db: Kysely<SharedDatabase>, appId: string, username: UserId): Promise<boolean> {
  const result = await db
    .deleteFrom('users')
    .where('app_id', '=', appId)
    .where('username', '=', username)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}
