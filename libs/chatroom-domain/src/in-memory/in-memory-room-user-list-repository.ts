import type { UserId } from '../model/user-id.js';
import type { RoomUserList, RoomUserListRepository } from '../ports/room-user-list-repository.js';
import type { InMemoryState } from './in-memory-state.js';

export class InMemoryRoomUserListRepository implements RoomUserListRepository {
  constructor(private readonly state: InMemoryState) {}

  async add(appId: string, roomId: string, list: RoomUserList, usernames: readonly UserId[]): Promise<void> {
    const entries = this.state.roomListOf(appId, roomId, list);
    for (const username of usernames) entries.set(username, true);
  }

  async remove(appId: string, roomId: string, list: RoomUserList, usernames: readonly UserId[]): Promise<UserId[]> {
    const entries = this.state.roomListOf(appId, roomId, list);
    return [...new Set(usernames)].filter((u) => entries.delete(u));
  }

  async list(appId: string, roomId: string, list: RoomUserList): Promise<UserId[]> {
    return [...this.state.roomListOf(appId, roomId, list).keys()];
  }

  async filter(appId: string, roomId: string, list: RoomUserList, usernames: readonly UserId[]): Promise<UserId[]> {
    const entries = this.state.roomListOf(appId, roomId, list);
    return [...new Set(usernames)].filter((u) => entries.has(u));
  }
}
