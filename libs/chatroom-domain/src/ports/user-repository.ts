import type { User } from '../model/user.js';
import type { UserId } from '../model/user-id.js';

export interface UserRepository {
  /**
   * Inserts the users whose username is free and skips the others (even under
   * concurrent inserts of the same name). Returns the usernames actually inserted.
   */
  insertMany(users: readonly User[]): Promise<UserId[]>;
  findByUsername(appId: string, username: UserId): Promise<User | null>;
  /** The subset of `usernames` that exist, in any order. */
  findExisting(appId: string, usernames: readonly UserId[]): Promise<UserId[]>;
  /**
   * Deletes the user and every entry that names them: block/allow list entries, mutes,
   * the attributes they own, their super-admin role. The caller has already removed the
   * user's memberships.
   * Returns false when no such user existed.
   */
  delete(appId: string, username: UserId): Promise<boolean>;
}
