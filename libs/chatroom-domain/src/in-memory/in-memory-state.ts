import type { App } from '../model/app.js';
import type { Affiliation, Chatroom, Role } from '../model/chatroom.js';
import type { RoomAttribute } from '../model/room-attribute.js';
import type { StoredRoomEvent } from '../model/room-event.js';
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
  roomLists = new Map<string, Map<UserId, true>>(); // appId#roomId#list → users, in order added
  mutes = new Map<string, Map<UserId, number>>(); // appId#roomId → username → expiresAt
  attributes = new Map<string, Map<string, RoomAttribute>>(); // appId#roomId → key → attribute
  announcements = new Map<string, string>(); // appId#roomId → text
  superAdmins = new Map<string, Map<UserId, true>>(); // appId → users, in order added
  nextSeq = 1;
  /** Committed events, oldest first (the outbox). */
  events: StoredRoomEvent[] = [];

  snapshot(): InMemoryState {
    const copy = new InMemoryState();
    copy.apps = new Map(this.apps);
    copy.users = copyNested(this.users);
    copy.rooms = copyNested(this.rooms);
    copy.memberships = copyNested(this.memberships);
    copy.roomLists = copyNested(this.roomLists);
    copy.mutes = copyNested(this.mutes);
    copy.attributes = copyNested(this.attributes);
    copy.announcements = new Map(this.announcements);
    copy.superAdmins = copyNested(this.superAdmins);
    copy.nextSeq = this.nextSeq;
    copy.events = [...this.events];
    return copy;
  }

  restore(from: InMemoryState): void {
    this.apps = from.apps;
    this.users = from.users;
    this.rooms = from.rooms;
    this.memberships = from.memberships;
    this.roomLists = from.roomLists;
    this.mutes = from.mutes;
    this.attributes = from.attributes;
    this.announcements = from.announcements;
    this.superAdmins = from.superAdmins;
    this.nextSeq = from.nextSeq;
    this.events = from.events;
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

  /** The room's affiliations: the owner first, then everyone else in join order. */
  affiliationsOf(appId: string, roomId: string): Affiliation[] {
    return [...this.membersOf(appId, roomId)]
      .sort(([, a], [, b]) => Number(b.role === 'owner') - Number(a.role === 'owner') || a.seq - b.seq)
      .map(([username, m]) => ({ username, role: m.role }));
  }

  roomListOf(appId: string, roomId: string, list: string): Map<UserId, true> {
    return getOrCreate(this.roomLists, `${appId}#${roomId}#${list}`);
  }

  mutesOf(appId: string, roomId: string): Map<UserId, number> {
    return getOrCreate(this.mutes, `${appId}#${roomId}`);
  }

  attributesOf(appId: string, roomId: string): Map<string, RoomAttribute> {
    return getOrCreate(this.attributes, `${appId}#${roomId}`);
  }

  superAdminsOf(appId: string): Map<UserId, true> {
    return getOrCreate(this.superAdmins, appId);
  }

  /** Drops everything kept about a room besides the room itself. */
  forgetRoom(appId: string, roomId: string): void {
    const key = `${appId}#${roomId}`;
    this.memberships.delete(key);
    this.mutes.delete(key);
    this.attributes.delete(key);
    this.announcements.delete(key);
    for (const list of ['blocklist', 'allowlist']) this.roomLists.delete(`${key}#${list}`);
  }

  /** Drops every entry naming the user in the app's rooms (lists, mutes, owned attributes). */
  forgetUser(appId: string, username: UserId): void {
    const prefix = `${appId}#`;
    for (const [key, users] of this.roomLists) if (key.startsWith(prefix)) users.delete(username);
    for (const [key, mutes] of this.mutes) if (key.startsWith(prefix)) mutes.delete(username);
    for (const [key, attributes] of this.attributes) {
      if (!key.startsWith(prefix)) continue;
      for (const [k, a] of attributes) if (a.owner === username) attributes.delete(k);
    }
    this.superAdminsOf(appId).delete(username);
  }

  /** Drops everything of an app but its entry in `apps`. */
  forgetApp(appId: string): void {
    for (const roomId of this.roomsOf(appId).keys()) this.forgetRoom(appId, roomId);
    this.rooms.delete(appId);
    this.users.delete(appId);
    this.superAdmins.delete(appId);
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
