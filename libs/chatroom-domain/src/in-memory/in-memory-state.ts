import type { App } from '../model/app.js';
import type { Chatroom, Role } from '../model/chatroom.js';
import type { User } from '../model/user.js';
import type { UserId } from '../model/user-id.js';

export interface StoredMembership {
  readonly role: Role;
  /** Global join order; higher is newer. */
  readonly seq: number;
}

/**
 * Everything the in-memory adapters hold. Entities are immutable objects (replaced, never
 * mutated), so copying the maps is a full snapshot for rollback.
 */
export class InMemoryState {
  apps = new Map<string, App>(); // key: org#name
  users = new Map<string, Map<UserId, User>>(); // appId → username → user
  rooms = new Map<string, Map<string, Chatroom>>(); // appId → id → room
  memberships = new Map<string, Map<UserId, StoredMembership>>(); // appId#roomId → members
  nextSeq = 1;

  snapshot(): InMemoryState {
    const copy = new InMemoryState();
    copy.apps = new Map(this.apps);
    copy.users = copyNested(this.users);
    copy.rooms = copyNested(this.rooms);
    copy.memberships = copyNested(this.memberships);
    copy.nextSeq = this.nextSeq;
    return copy;
  }

  restore(from: InMemoryState): void {
    this.apps = from.apps;
    this.users = from.users;
    this.rooms = from.rooms;
    this.memberships = from.memberships;
    this.nextSeq = from.nextSeq;
  }

  usersOf(appId: string): Map<UserId, User> {
    return getOrCreate(this.users, appId);
  }

  roomsOf(appId: string): Map<string, Chatroom> {
    return getOrCreate(this.rooms, appId);
  }

  membersOf(appId: string, roomId: string): Map<UserId, StoredMembership> {
    return getOrCreate(this.memberships, `${appId}#${roomId}`);
  }

  /** Number of rooms the user belongs to in the app. */
  joinedCount(appId: string, username: UserId): number {
    let n = 0;
    for (const roomId of this.roomsOf(appId).keys()) {
      if (this.membersOf(appId, roomId).has(username)) n++;
    }
    return n;
  }
}

function copyNested<K, K2, V>(outer: Map<K, Map<K2, V>>): Map<K, Map<K2, V>> {
  return new Map([...outer].map(([k, inner]) => [k, new Map(inner)]));
}

function getOrCreate<K, V>(map: Map<string, Map<K, V>>, key: string): Map<K, V> {
  let inner = map.get(key);
  if (!inner) {
    inner = new Map();
    map.set(key, inner);
  }
  return inner;
}
