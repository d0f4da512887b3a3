import type { DomainError } from '../errors/domain-error.js';
import { errors } from '../errors/error-catalogue.js';
import type { App } from '../model/app.js';
import type { Chatroom } from '../model/chatroom.js';
import type { UserId } from '../model/user-id.js';
import type { Repositories } from '../ports/unit-of-work.js';

/**
 * The room, locked for the rest of the unit of work, or `grpID … does not exist!`. Locking
 * makes every membership-dependent check of the caller hold until it commits.
 */
export async function lockRoom(r: Repositories, app: App, roomId: string): Promise<Chatroom> {
  const room = await r.chatrooms.findByIdForUpdate(app.id, roomId);
  if (!room) throw errors.chatroomNotFound(roomId);
  return room;
}

/**
 * Fails unless the room exists, without locking it (reads). `notFound` picks the reference's wording for the endpoint.
 */
export async function requireRoom(
  r: Repositories,
  app: App,
  roomId: string,
  notFound: (id: string) => DomainError = errors.chatroomNotFound,
): Promise<void> {
  if (!(await r.chatrooms.findById(app.id, roomId))) throw notFound(roomId);
}

/** Fails with `username … doesn't exist!` for the first of `usernames` that does not exist. */
export async function requireUsers(r: Repositories, app: App, usernames: readonly UserId[]): Promise<void> {
  const existing = new Set(await r.users.findExisting(app.id, usernames));
  const missing = usernames.find((u) => !existing.has(u));
  if (missing !== undefined) throw errors.userNotFound(missing);
}

/** The outcome for one user of a batch operation that reports per user. */
export interface UserResult {
  readonly username: UserId;
  readonly ok: boolean;
  /** Why it failed; absent on success. */
  readonly reason?: string;
}
