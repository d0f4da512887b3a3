// Test-only helpers for the domain's unit tests; not exported from index.ts.
import { DomainError } from '../errors/domain-error.js';
import {
  inMemoryDependencies,
  type InMemoryDependencies,
} from '../in-memory/in-memory-dependencies.js';
import type { App, AppSettings } from '../model/app.js';
import type { Affiliation } from '../model/chatroom.js';
import { parseUserId } from '../model/user-id.js';
import { CreateChatroom, type CreateChatroomInput } from './create-chatroom/create-chatroom.js';
import { EnsureApp } from './ensure-app/ensure-app.js';
import {
  GetChatroomDetails,
  type ChatroomDetails,
} from './get-chatroom-details/get-chatroom-details.js';
import { ListChatrooms } from './list-chatrooms/list-chatrooms.js';
import { ListJoinedChatrooms } from './list-joined-chatrooms/list-joined-chatrooms.js';
import { RegisterUsers } from './register-users/register-users.js';

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

  async userExists(username: string): Promise<boolean> {
    const id = parseUserId(username);
    return (await this.deps.uow.read((r) => r.users.findExisting(this.app.id, [id]))).length === 1;
  }

  /** Creates a room and returns its id. */
  async room(
    owner: string,
    members?: string[],
    fields: Partial<CreateChatroomInput> = {},
  ): Promise<string> {
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

  /** Every room id of the app, newest first. */
  async roomIds(): Promise<string[]> {
    const page = await new ListChatrooms(this.deps).execute(this.app, { limit: 1000 });
    return page.rooms.map((r) => r.id);
  }
}

function ensureApp(
  deps: InMemoryDependencies,
  name: string,
  settings?: Partial<AppSettings>,
): Promise<App> {
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
