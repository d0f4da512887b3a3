import { fitsMaxUsers, type Affiliation, type Role } from '../model/chatroom.js';
import type { UserId } from '../model/user-id.js';
import type {
  AddMembersOutcome,
  JoinedChatroom,
  MembershipRepository,
  RemovedMembers,
  RoomLeft,
  TransferOutcome,
} from '../ports/membership-repository.js';
import type { InMemoryState } from './in-memory-state.js';

export class InMemoryMembershipRepository implements MembershipRepository {
  constructor(private readonly state: InMemoryState) {}

  async add(
    appId: string,
    roomId: string,
    usernames: readonly UserId[],
    role: Role,
    joinedRoomCap: number,
  ): Promise<AddMembersOutcome> {
    const room = this.state.roomsOf(appId).get(roomId);
    if (!room) return { ok: true, added: [] };
    const members = this.state.membersOf(appId, roomId);
    const fresh = [...new Set(usernames)].filter((u) => !members.has(u));
    if (!fitsMaxUsers(members.size + fresh.length, room.maxUsers)) {
      return { ok: false, reason: 'room-full' };
    }
    // A user in every other room of the app is still within a cap at or above the app's room count:
    // the count (a scan of every room) is skipped then, or filling a big store would be quadratic.
    const capReachable = this.state.roomsOf(appId).size > joinedRoomCap;
    for (const username of capReachable ? fresh : []) {
      if (this.state.joinedCount(appId, username) + 1 > joinedRoomCap) {
        return { ok: false, reason: 'user-cap', username };
      }
    }
    for (const username of fresh) members.set(username, { role, seq: this.state.nextSeq++ });
    return fresh.length > 0 ? { ok: true, added: fresh, memberCount: members.size } : { ok: true, added: fresh };
  }

  async remove(appId: string, roomId: string, usernames: readonly UserId[]): Promise<RemovedMembers> {
    const members = this.state.membersOf(appId, roomId);
    const removed = [...new Set(usernames)].filter((u) => members.delete(u));
    return removed.length > 0 ? { removed, memberCount: members.size } : { removed };
  }

  async removeEverywhere(appId: string, username: UserId): Promise<RoomLeft[]> {
    const left: RoomLeft[] = [];
    for (const roomId of this.state.roomsOf(appId).keys()) {
      const members = this.state.membersOf(appId, roomId);
      if (members.get(username)?.role === 'owner') continue;
      if (members.delete(username)) left.push({ roomId, memberCount: members.size });
    }
    return left;
  }

  async roleOf(appId: string, roomId: string, username: UserId): Promise<Role | null> {
    return this.state.membersOf(appId, roomId).get(username)?.role ?? null;
  }

  async rolesOf(appId: string, roomId: string, usernames: readonly UserId[]): Promise<Map<UserId, Role>> {
    const members = this.state.membersOf(appId, roomId);
    const roles = new Map<UserId, Role>();
    for (const username of usernames) {
      const m = members.get(username);
      if (m) roles.set(username, m.role);
    }
    return roles;
  }

  async setRole(appId: string, roomId: string, username: UserId, role: 'admin' | 'member'): Promise<void> {
    const members = this.state.membersOf(appId, roomId);
    const m = members.get(username);
    if (m && m.role !== 'owner') members.set(username, { ...m, role });
  }

  async admins(appId: string, roomId: string): Promise<UserId[]> {
    return this.ordered(appId, roomId)
      .filter((a) => a.role === 'admin')
      .map((a) => a.username);
  }

  async listPage(appId: string, roomId: string, offset: number, limit: number): Promise<Affiliation[]> {
    return this.ordered(appId, roomId).slice(offset, offset + limit);
  }

  async transferOwnership(appId: string, roomId: string, from: UserId, to: UserId): Promise<TransferOutcome> {
    const members = this.state.membersOf(appId, roomId);
    const old = members.get(from);
    const next = members.get(to);
    if (!next) return 'not-member';
    if (old) members.set(from, { ...old, role: 'member' });
    members.set(to, { ...next, role: 'owner' });
    return 'transferred';
  }

  async affiliations(appId: string, roomIds: readonly string[]): Promise<Map<string, Affiliation[]>> {
    const result = new Map<string, Affiliation[]>();
    for (const roomId of new Set(roomIds)) {
      if (!this.state.roomsOf(appId).has(roomId)) continue;
      const entries = this.ordered(appId, roomId);
      if (entries.length > 0) result.set(roomId, entries);
    }
    return result;
  }

  async joinedRooms(appId: string, username: UserId, offset: number, limit: number): Promise<JoinedChatroom[]> {
    const joined: { id: string; name: string; seq: number }[] = [];
    for (const room of this.state.roomsOf(appId).values()) {
      const m = this.state.membersOf(appId, room.id).get(username);
      if (m) joined.push({ id: room.id, name: room.name, seq: m.seq });
    }
    return joined
      .sort((a, b) => b.seq - a.seq)
      .slice(offset, offset + limit)
      .map(({ id, name }) => ({ id, name }));
  }

  private ordered(appId: string, roomId: string): Affiliation[] {
    return this.state.affiliationsOf(appId, roomId);
  }
}
