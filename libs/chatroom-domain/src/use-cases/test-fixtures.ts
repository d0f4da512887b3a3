// Test-only helpers for the domain's unit tests; not exported from index.ts.
import { DomainError } from '../errors/domain-error.js';
import { inMemoryDependencies, type InMemoryDependencies } from '../in-memory/in-memory-dependencies.js';
import type { App, AppSettings } from '../model/app.js';
import type { Affiliation } from '../model/chatroom.js';
import { REGISTER_BATCH_MAX } from '../model/user.js';
import { parseUserId, type UserId } from '../model/user-id.js';
import { AllowUsers } from './allow-users/allow-users.js';
import { CreateChatroom, type CreateChatroomInput } from './create-chatroom/create-chatroom.js';
import { EnsureApp } from './ensure-app/ensure-app.js';
import { GetChatroomDetails, type ChatroomDetails } from './get-chatroom-details/get-chatroom-details.js';
import { ListChatrooms } from './list-chatrooms/list-chatrooms.js';
import { ListJoinedChatrooms } from './list-joined-chatrooms/list-joined-chatrooms.js';
import { MuteMembers } from './mute-members/mute-members.js';
import { PromoteAdmin } from './promote-admin/promote-admin.js';
import { RegisterUsers } from './register-users/register-users.js';
import type { UserResult } from './room-guards.js';
import { SetRoomAttributes } from './set-room-attributes/set-room-attributes.js';

export const ORG = 'acme';
export const APP = 'chat';
export const CLIENT_ID = 'YXA6test-client';
export const CLIENT_SECRET = 'test-secret';

/** What a test asserts about a domain error: its class, stable code and exact message. */
export interface Failure {
  readonly class: string;
  readonly code: string;
  readonly message: string;
}

/** The domain error an operation fails with; throws if it succeeds or fails otherwise. */
export async function failureOf(work: Promise<unknown> | (() => unknown)): Promise<Failure> {
  try {
    await (typeof work === 'function' ? work() : work);
  } catch (error) {
    if (error instanceof DomainError) {
      return { class: error.constructor.name, code: error.code, message: error.message };
    }
    throw error;
  }
  throw new Error('expected the operation to fail, but it succeeded');
}

/** The failure of every use case that locks a room, for the room id `404`. */
export const ROOM_404: Failure = {
  class: 'NotFoundError',
  code: 'ChatroomNotFound',
  message: 'grpID 404 does not exist!',
};

/** The failure for the unknown user `ghost`, wherever a named user must exist. */
export const GHOST_404: Failure = {
  class: 'NotFoundError',
  code: 'UserNotFound',
  message: "username ghost doesn't exist!",
};

/** A batch over its limit fails with the reference's message for that endpoint. */
export function batchTooLarge(message: string): Failure {
  return { class: 'InvalidInputError', code: 'BatchTooLarge', message };
}

/** `${prefix}1` … `${prefix}${count}`. */
export function names(prefix: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => `${prefix}${i + 1}`);
}

/** An hour, the mute length the tests use when the length does not matter. */
export const HOUR_MS = 3_600_000;

/** One app (`acme/chat`) on fresh in-memory ports, with shortcuts for the usual setup. */
export class TestWorld {
  private constructor(
    readonly deps: InMemoryDependencies,
    readonly app: App,
  ) {}

  static async create(settings?: Partial<AppSettings>): Promise<TestWorld> {
    const deps = inMemoryDependencies();
    return new TestWorld(deps, await ensureApp(deps, APP, settings));
  }

  /** Another app in the same store, for tenancy tests. */
  otherApp(settings?: Partial<AppSettings>): Promise<App> {
    return ensureApp(this.deps, 'other', settings);
  }

  async users(...usernames: string[]): Promise<void> {
    await new RegisterUsers(this.deps).execute(
      this.app,
      usernames.map((username) => ({ username, password: 'pw' })),
    );
  }

  /** Registers `${prefix}1` … `${prefix}${count}` (in batches the register use case takes) and returns them. */
  async manyUsers(prefix: string, count: number): Promise<string[]> {
    const all = names(prefix, count);
    for (let i = 0; i < all.length; i += REGISTER_BATCH_MAX) await this.users(...all.slice(i, i + REGISTER_BATCH_MAX));
    return all;
  }

  async userExists(username: string): Promise<boolean> {
    const id = parseUserId(username);
    return (await this.deps.uow.read((r) => r.users.findExisting(this.app.id, [id]))).length === 1;
  }

  /** Creates a room and returns its id. */
  async room(owner: string, members?: string[], fields: Partial<CreateChatroomInput> = {}): Promise<string> {
    const { id } = await new CreateChatroom(this.deps).execute(this.app, {
      name: 'room',
      description: 'a room',
      owner,
      ...(members ? { members } : {}),
      ...fields,
    });
    return id;
  }

  async details(roomId: string): Promise<ChatroomDetails> {
    const [details] = await new GetChatroomDetails(this.deps).execute(this.app, [roomId]);
    return details!;
  }

  /** `owner:alice`, `member:bob`, … in the order the details give them. */
  async affiliations(roomId: string): Promise<string[]> {
    return (await this.details(roomId)).affiliations.map(label);
  }

  /** Ids of the rooms the user belongs to, newest join first. */
  async joinedIds(username: string): Promise<string[]> {
    return (await new ListJoinedChatrooms(this.deps).execute(this.app, username, {})).map((r) => r.id);
  }

  /**
   * Gives a member of the room everything leaving takes away or keeps: the admin role, a mute
   * of an hour, an allowlist entry, an attribute `{user}.temp` set with autoDelete DELETE and
   * one `{user}.kept` set with NO_DELETE.
   */
  async entangle(roomId: string, username: string): Promise<void> {
    await new PromoteAdmin(this.deps).execute(this.app, roomId, username);
    await new MuteMembers(this.deps).execute(this.app, roomId, [username], HOUR_MS);
    await new AllowUsers(this.deps).one(this.app, roomId, username);
    const set = new SetRoomAttributes(this.deps);
    await set.execute(this.app, roomId, username, { metaData: { [`${username}.temp`]: 't' }, forced: false });
    await set.execute(this.app, roomId, username, {
      metaData: { [`${username}.kept`]: 'k' },
      autoDelete: 'NO_DELETE',
      forced: false,
    });
  }

  /**
   * Where the user still shows in the room, read from the store (so it works for a dissolved
   * room too): `owner`/`admin`/`member`, `muted`, `blocklist`, `allowlist`, `attribute:{key}`.
   */
  async traces(roomId: string, username: string): Promise<string[]> {
    const id = parseUserId(username);
    const appId = this.app.id;
    return this.deps.uow.read(async (r) => {
      const found: string[] = [];
      const role = await r.memberships.roleOf(appId, roomId, id);
      if (role !== null) found.push(role);
      const mutes = await r.mutes.listActive(appId, roomId, this.deps.clock.now());
      if (mutes.some((m) => m.username === id)) found.push('muted');
      for (const list of ['blocklist', 'allowlist'] as const) {
        if ((await r.roomUserLists.list(appId, roomId, list)).includes(id)) found.push(list);
      }
      for (const a of await r.roomAttributes.list(appId, roomId)) {
        if (a.owner === id) found.push(`attribute:${a.key}`);
      }
      return found;
    });
  }

  /** Every room id of the app, newest first. */
  async roomIds(): Promise<string[]> {
    const page = await new ListChatrooms(this.deps).execute(this.app, { limit: 1000 });
    return page.rooms.map((r) => r.id);
  }
}

/** A room operation on one user (every problem an error) or a batch (per-user results): remove, block, allow. */
export interface PerUserOperation {
  one(app: App, roomId: string, username: string): Promise<UserId>;
  many(app: App, roomId: string, usernames: readonly string[]): Promise<UserResult[]>;
}

/**
 * Users alice … erin; alice owns a room with `members`. `one` and `many` run the operation
 * on that room unless given another room id.
 */
export async function perUserWorld(make: (deps: InMemoryDependencies) => PerUserOperation, members: string[]) {
  const w = await TestWorld.create();
  await w.users('alice', 'bob', 'carol', 'dave', 'erin');
  const id = await w.room('alice', members);
  const op = make(w.deps);
  const one = (username: string, roomId = id) => op.one(w.app, roomId, username);
  const many = (usernames: string[], roomId = id) => op.many(w.app, roomId, usernames);
  return { w, id, one, many };
}

function ensureApp(deps: InMemoryDependencies, name: string, settings?: Partial<AppSettings>): Promise<App> {
  return new EnsureApp(deps).execute({
    org: ORG,
    name,
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    ...(settings ? { settings } : {}),
  });
}

function label(a: Affiliation): string {
  return `${a.role}:${a.username}`;
}
