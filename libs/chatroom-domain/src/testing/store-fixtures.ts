import { DEFAULT_APP_SETTINGS, type App, type AppSettings } from '../model/app.js';
import type { Chatroom, Role } from '../model/chatroom.js';
import type { RoomAttribute } from '../model/room-attribute.js';
import type { User } from '../model/user.js';
import type { UserId } from '../model/user-id.js';
import type { InsertChatroomOutcome } from '../ports/chatroom-repository.js';
import type { AddMembersOutcome } from '../ports/membership-repository.js';
import type { MuteEntry } from '../ports/mute-repository.js';
import type { Repositories, UnitOfWork } from '../ports/unit-of-work.js';
import type { StoreHandle } from './store-factory.js';

// The domain compiles without platform typings; a timer is the one platform API the suite needs.
declare const setTimeout: (callback: () => void, ms: number) => unknown;

let counter = 0;

/**
 * A short `[0-9a-z]` suffix unique within this process and very likely across processes, so
 * that every test gets its own app even in a database shared by all tests.
 */
export function uniqueSuffix(): string {
  counter += 1;
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}${counter.toString(36)}`;
}

/** A version 4 UUID from Math.random: ids only need to be unique and well-formed here. */
export function randomUuid(): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(Math.random() * 16).toString(16));
  hex[12] = '4';
  hex[16] = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** A promise with its resolver outside, to order steps of two concurrent units. */
export function deferred<T = void>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

/** Millisecond timestamps without a fractional part, as every adapter must round-trip them. */
export function nowMs(): number {
  return Math.floor(Date.now());
}

export function makeApp(settings: Partial<AppSettings> = {}): App {
  const suffix = uniqueSuffix();
  return {
    id: randomUuid(),
    org: `org-${suffix}`,
    name: `app-${suffix}`,
    clientId: `client-${suffix}`,
    clientSecretHash: `plain$secret-${suffix}`,
    tokenKey: `key-${suffix}-${'k'.repeat(40)}`,
    keyGeneration: 0,
    settings: { ...DEFAULT_APP_SETTINGS, ...settings },
    created: nowMs(),
  };
}

/** A new app with its own org/name, stored through the ports. */
export async function seedApp(h: StoreHandle, settings: Partial<AppSettings> = {}): Promise<App> {
  return h.uow.write((r) => r.apps.upsert(makeApp(settings)));
}

export function makeUser(app: App, username: string, overrides: Partial<User> = {}): User {
  const created = nowMs();
  return {
    appId: app.id,
    username: username as UserId,
    uuid: randomUuid(),
    passwordHash: `plain$pw-${username}`,
    nickname: null,
    created,
    modified: created,
    ...overrides,
  };
}

/** Stores users `${prefix}1` … `${prefix}${count}` and returns their ids in that order. */
export async function seedUsers(h: StoreHandle, app: App, count: number, prefix = 'user'): Promise<UserId[]> {
  const users = Array.from({ length: count }, (_, i) => makeUser(app, `${prefix}${i + 1}`));
  await h.uow.write((r) => r.users.insertMany(users));
  return users.map((u) => u.username);
}

/** A room as the create use case builds it: seq from the id generator, id = seq unless given. */
export async function makeRoom(
  h: StoreHandle,
  app: App,
  owner: UserId,
  overrides: Partial<Chatroom> = {},
): Promise<Chatroom> {
  const seq = await h.ids.next();
  return {
    appId: app.id,
    id: String(seq),
    seq,
    name: `room ${seq}`,
    description: `about room ${seq}`,
    maxUsers: 1000,
    owner,
    custom: '',
    created: nowMs(),
    muteAll: false,
    memberCount: 0,
    ...overrides,
  };
}

/** Thrown inside a unit of work to roll it back, carrying the refusal out. */
class Rollback<T> extends Error {
  constructor(readonly outcome: T) {
    super('rolled back by the contract suite');
  }
}

/**
 * Runs the work in a unit of work and rolls it back when `ok` says the outcome is a refusal,
 * as the ports require callers to do. Returns the outcome either way.
 */
export async function writeOrRollback<T>(
  uow: UnitOfWork,
  work: (r: Repositories) => Promise<T>,
  ok: (outcome: T) => boolean,
): Promise<T> {
  try {
    return await uow.write(async (r) => {
      const outcome = await work(r);
      if (!ok(outcome)) throw new Rollback(outcome);
      return outcome;
    });
  } catch (error) {
    if (error instanceof Rollback) return error.outcome as T;
    throw error;
  }
}

/** Inserts the room in its own unit of work, rolled back unless inserted. */
export function tryInsertRoom(h: StoreHandle, room: Chatroom, roomQuota: number): Promise<InsertChatroomOutcome> {
  return writeOrRollback(
    h.uow,
    (r) => r.chatrooms.insert(room, roomQuota),
    (o) => o === 'inserted',
  );
}

/** Adds members in their own unit of work, rolled back on a refusal. */
export function tryAddMembers(
  h: StoreHandle,
  app: App,
  roomId: string,
  usernames: readonly UserId[],
  role: Role = 'member',
  joinedRoomCap = app.settings.joinedRoomCap,
): Promise<AddMembersOutcome> {
  return writeOrRollback(
    h.uow,
    (r) => r.memberships.add(app.id, roomId, usernames, role, joinedRoomCap),
    (o) => o.ok,
  );
}

/**
 * Stores a room with its owner and members (who must exist), in one unit of work, the way
 * the create use case does. Fails the test when the store refuses.
 */
export async function seedRoom(
  h: StoreHandle,
  app: App,
  owner: UserId,
  members: readonly UserId[] = [],
  overrides: Partial<Chatroom> = {},
): Promise<Chatroom> {
  const room = await makeRoom(h, app, owner, overrides);
  await h.uow.write(async (r) => {
    const inserted = await r.chatrooms.insert(room, app.settings.roomQuota);
    if (inserted !== 'inserted') throw new Error(`seedRoom: insert gave ${inserted}`);
    for (const [users, role] of [
      [[owner], 'owner'],
      [members, 'member'],
    ] as const) {
      if (users.length === 0) continue;
      const added = await r.memberships.add(app.id, room.id, users, role, app.settings.joinedRoomCap);
      if (!added.ok) throw new Error(`seedRoom: add gave ${added.reason}`);
    }
  });
  return { ...room, memberCount: 1 + members.length };
}

/** A new app with `count + 1` users: the first owns a new room, the others are its members. */
export async function seedRoomWithMembers(h: StoreHandle, count: number) {
  const app = await seedApp(h);
  const [owner, ...users] = await seedUsers(h, app, count + 1);
  const room = await seedRoom(h, app, owner!, users);
  return { h, app, owner: owner!, users, room };
}

/** Reads a room, failing the test when it is missing. */
export async function roomOf(h: StoreHandle, app: App, id: string): Promise<Chatroom> {
  const room = await h.uow.read((r) => r.chatrooms.findById(app.id, id));
  if (!room) throw new Error(`room ${id} is missing`);
  return room;
}

/** A room's affiliations as `username:role` strings, in the order the store gives them. */
export async function affiliationsOf(h: StoreHandle, app: App, id: string): Promise<string[]> {
  const map = await h.uow.read((r) => r.memberships.affiliations(app.id, [id]));
  return (map.get(id) ?? []).map((a) => `${a.username}:${a.role}`);
}

/**
 * Rooms whose stored member count differs from their real number of affiliations, as
 * `id: count≠n` (empty when every counter is right): the check after every storm.
 */
export async function countMismatches(h: StoreHandle, app: App, roomIds: readonly string[]): Promise<string[]> {
  return h.uow.read(async (r) => {
    const rooms = await r.chatrooms.findByIds(app.id, roomIds);
    const affiliations = await r.memberships.affiliations(app.id, roomIds);
    return rooms
      .map((room) => [room, affiliations.get(room.id)?.length ?? 0] as const)
      .filter(([room, n]) => room.memberCount !== n)
      .map(([room, n]) => `${room.id}: ${room.memberCount}≠${n}`);
  });
}

/** Every room of the app, newest first, read in one page. */
export async function allRooms(h: StoreHandle, app: App): Promise<Chatroom[]> {
  return h.uow.read((r) => r.chatrooms.listPage(app.id, 10_000));
}

/** Runs `n` calls at once; call `i` gets its index. */
export function inParallel<T>(n: number, call: (i: number) => Promise<T>): Promise<T[]> {
  return Promise.all(Array.from({ length: n }, (_, i) => call(i)));
}

export function idsOf(rooms: readonly Chatroom[]): string[] {
  return rooms.map((r) => r.id);
}

export function sorted<T>(values: readonly T[]): T[] {
  return [...values].sort();
}

/** A fixed instant (2026-01-01) for mutes: listActive takes the time, so tests need no clock. */
export const T0 = Date.UTC(2026, 0, 1);

export function makeAttribute(key: string, owner: UserId, overrides: Partial<RoomAttribute> = {}): RoomAttribute {
  return { key, value: `value of ${key}`, owner, autoDelete: true, ...overrides };
}

/** Everything a room keeps besides its memberships, read through the ports. */
export interface RoomExtras {
  readonly announcement: string | null;
  readonly blocklist: UserId[];
  readonly allowlist: UserId[];
  readonly mutes: MuteEntry[];
  readonly attributes: RoomAttribute[];
}

/** What a room that does not exist (or no longer does) shows. */
export const NO_EXTRAS: RoomExtras = { announcement: null, blocklist: [], allowlist: [], mutes: [], attributes: [] };

export function roomExtrasOf(h: StoreHandle, app: App, roomId: string): Promise<RoomExtras> {
  return h.uow.read(async (r) => ({
    announcement: await r.chatrooms.announcement(app.id, roomId),
    blocklist: await r.roomUserLists.list(app.id, roomId, 'blocklist'),
    allowlist: await r.roomUserLists.list(app.id, roomId, 'allowlist'),
    mutes: await r.mutes.listActive(app.id, roomId, T0),
    attributes: await r.roomAttributes.list(app.id, roomId),
  }));
}

/**
 * Gives a room one of everything it can keep about users: `blocked` on the blocklist,
 * `member` allowlisted, muted for ever and owning an attribute of each autoDelete kind,
 * and an announcement. Returns what the room then shows.
 */
export async function seedRoomExtras(
  h: StoreHandle,
  app: App,
  roomId: string,
  blocked: UserId,
  member: UserId,
): Promise<RoomExtras> {
  await h.uow.write(async (r) => {
    await r.chatrooms.update(app.id, roomId, { announcement: `news of ${roomId}` });
    await r.roomUserLists.add(app.id, roomId, 'blocklist', [blocked]);
    await r.roomUserLists.add(app.id, roomId, 'allowlist', [member]);
    await r.mutes.upsert(app.id, roomId, [{ username: member, expiresAt: -1 }]);
    await r.roomAttributes.upsert(app.id, roomId, [
      makeAttribute(`${member}.temp`, member),
      makeAttribute(`${member}.kept`, member, { autoDelete: false }),
    ]);
  });
  return roomExtrasOf(h, app, roomId);
}

/** Runs the work in a unit that then throws, as a failed use case would; nothing it wrote may remain. */
export async function writeThenFail(h: StoreHandle, work: (r: Repositories) => Promise<unknown>): Promise<void> {
  const failure = new Error('rolled back by the contract suite');
  try {
    await h.uow.write(async (r) => {
      await work(r);
      throw failure;
    });
  } catch (error) {
    if (error === failure) return;
    throw error;
  }
}
