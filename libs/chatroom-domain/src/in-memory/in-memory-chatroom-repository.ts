import type { Chatroom } from '../model/chatroom.js';
import type { UserId } from '../model/user-id.js';
import type {
  ChatroomPatch,
  ChatroomRepository,
  DissolvedRoom,
  InsertChatroomOutcome,
} from '../ports/chatroom-repository.js';
import type { InMemoryState } from './in-memory-state.js';

export class InMemoryChatroomRepository implements ChatroomRepository {
  constructor(private readonly state: InMemoryState) {}

  async insert(room: Chatroom, roomQuota: number): Promise<InsertChatroomOutcome> {
    const rooms = this.state.roomsOf(room.appId);
    if (rooms.has(room.id)) return 'id-taken';
    if (rooms.size + 1 > roomQuota) return 'quota-exceeded';
    rooms.set(room.id, { ...room, memberCount: 0 });
    return 'inserted';
  }

  async findById(appId: string, id: string): Promise<Chatroom | null> {
    return this.withCount(appId, this.state.roomsOf(appId).get(id));
  }

  // The in-memory unit of work runs one unit at a time, so reading is already exclusive.
  findByIdForUpdate(appId: string, id: string): Promise<Chatroom | null> {
    return this.findById(appId, id);
  }

  async findByIds(appId: string, ids: readonly string[]): Promise<Chatroom[]> {
    const found: Chatroom[] = [];
    for (const id of new Set(ids)) {
      const room = this.withCount(appId, this.state.roomsOf(appId).get(id));
      if (room) found.push(room);
    }
    return found;
  }

  async listPage(appId: string, limit: number, beforeSeq?: number): Promise<Chatroom[]> {
    return [...this.state.roomsOf(appId).values()]
      .filter((r) => beforeSeq === undefined || r.seq < beforeSeq)
      .sort((a, b) => b.seq - a.seq)
      .slice(0, limit)
      .map((r) => this.withCount(appId, r)!);
  }

  async announcement(appId: string, id: string): Promise<string | null> {
    if (!this.state.roomsOf(appId).has(id)) return null;
    return this.state.announcements.get(`${appId}#${id}`) ?? '';
  }

  async update(appId: string, id: string, patch: ChatroomPatch): Promise<void> {
    const rooms = this.state.roomsOf(appId);
    const room = rooms.get(id);
    if (!room) return;
    const { announcement, ...fields } = patch;
    // A field given as undefined is not part of the patch (the database adapter skips it too).
    const defined = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
    rooms.set(id, { ...room, ...defined });
    if (announcement !== undefined) this.state.announcements.set(`${appId}#${id}`, announcement);
  }

  async delete(appId: string, id: string): Promise<boolean> {
    this.state.forgetRoom(appId, id);
    return this.state.roomsOf(appId).delete(id);
  }

  // Ownership lives in the memberships (a transfer changes only them), not in the stored room.
  async deleteOwnedBy(appId: string, owner: UserId): Promise<DissolvedRoom[]> {
    const owned = [...this.state.roomsOf(appId).keys()]
      .filter((id) => this.state.membersOf(appId, id).get(owner)?.role === 'owner')
      .map((id) => ({ id, members: this.state.affiliationsOf(appId, id).map((a) => a.username) }));
    for (const { id } of owned) await this.delete(appId, id);
    return owned;
  }

  /** The owner field and member count are derived from the memberships, as a database would. */
  private withCount(appId: string, room: Chatroom | undefined): Chatroom | null {
    if (!room) return null;
    const members = this.state.membersOf(appId, room.id);
    let owner = room.owner;
    for (const [username, m] of members) if (m.role === 'owner') owner = username;
    return { ...room, owner, memberCount: members.size };
  }
}
