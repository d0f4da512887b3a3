import type { UserId } from '../model/user-id.js';
import type { SuperAdminRepository } from '../ports/super-admin-repository.js';
import type { InMemoryState } from './in-memory-state.js';

export class InMemorySuperAdminRepository implements SuperAdminRepository {
  constructor(private readonly state: InMemoryState) {}

  async add(appId: string, username: UserId): Promise<void> {
    this.state.superAdminsOf(appId).set(username, true);
  }

  async remove(appId: string, username: UserId): Promise<boolean> {
    return this.state.superAdminsOf(appId).delete(username);
  }

  async listPage(appId: string, offset: number, limit: number): Promise<UserId[]> {
    return [...this.state.superAdminsOf(appId).keys()].slice(offset, offset + limit);
  }
}
