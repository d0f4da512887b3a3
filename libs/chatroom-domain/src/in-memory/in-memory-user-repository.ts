import type { User } from '../model/user.js';
import type { UserId } from '../model/user-id.js';
import type { UserRepository } from '../ports/user-repository.js';
import type { InMemoryState } from './in-memory-state.js';

export class InMemoryUserRepository implements UserRepository {
  constructor(private readonly state: InMemoryState) {}

  async insertMany(users: readonly User[]): Promise<UserId[]> {
    const inserted: UserId[] = [];
    for (const user of users) {
      const appUsers = this.state.usersOf(user.appId);
      if (appUsers.has(user.username)) continue;
      appUsers.set(user.username, user);
      inserted.push(user.username);
    }
    return inserted;
  }

  async findByUsername(appId: string, username: UserId): Promise<User | null> {
    return this.state.usersOf(appId).get(username) ?? null;
  }

  async findExisting(appId: string, usernames: readonly UserId[]): Promise<UserId[]> {
    const appUsers = this.state.usersOf(appId);
    return [...new Set(usernames)].filter((u) => appUsers.has(u));
  }

  async delete(appId: string, username: UserId): Promise<boolean> {
    this.state.forgetUser(appId, username);
    return this.state.usersOf(appId).delete(username);
  }
}
