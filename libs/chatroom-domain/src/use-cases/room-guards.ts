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

/**
 * Sorts the targets of a per-user batch (block, allow): unknown users and non-members fail,
 * and so does the owner when `ownerReason` is given; the rest are ok.
 */
export async function memberTargets(
  r: Repositories,
  app: App,
  room: Chatroom,
  usernames: readonly UserId[],
  ownerReason?: string,
  /** How the reference names the room in a non-member's reason: `group` or `chatroom`. */
  roomWord: 'group' | 'chatroom' = 'chatroom',
): Promise<UserResult[]> {
  const existing = new Set(await r.users.findExisting(app.id, usernames));
  const roles = await r.memberships.rolesOf(app.id, room.id, usernames);
  return usernames.map((username): UserResult => {
    if (!existing.has(username)) return { username, ok: false, reason: `user ${username} doesn't exist` };
    if (ownerReason !== undefined && username === room.owner) return { username, ok: false, reason: ownerReason };
    if (!roles.has(username)) {
      return { username, ok: false, reason: `user: ${username} doesn't exist in ${roomWord}: ${room.id}` };
    }
    return { username, ok: true };
  });
}

/** The users of a batch whose operation may go ahead. */
export function succeeded(results: readonly UserResult[]): UserId[] {
  return results.filter((x) => x.ok).map((x) => x.username);
}
