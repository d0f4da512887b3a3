import { isMuteActive } from '../model/room-moderation.js';
import type { UserId } from '../model/user-id.js';
import type { MuteEntry, MuteRepository } from '../ports/mute-repository.js';
import type { InMemoryState } from './in-memory-state.js';

export class InMemoryMuteRepository implements MuteRepository {
  constructor(private readonly state: InMemoryState) {}

  async upsert(appId: string, roomId: string, entries: readonly MuteEntry[]): Promise<void> {
    const mutes = this.state.mutesOf(appId, roomId);
    for (const { username, expiresAt } of entries) {
      mutes.delete(username); // a new mute goes to the end of the list
      mutes.set(username, expiresAt);
    }
  }

  async remove(appId: string, roomId: string, usernames: readonly UserId[]): Promise<UserId[]> {
    const mutes = this.state.mutesOf(appId, roomId);
    return [...new Set(usernames)].filter((u) => mutes.delete(u));
  }

  async listActive(appId: string, roomId: string, now: number): Promise<MuteEntry[]> {
    return [...this.state.mutesOf(appId, roomId)]
      .filter(([, expiresAt]) => isMuteActive(expiresAt, now))
      .map(([username, expiresAt]) => ({ username, expiresAt }));
  }
}
