import type { RoomEvent } from '../model/room-event.js';
import type { UserId } from '../model/user-id.js';
import type { Outcome } from './room-commands.js';
import type { RoomUserList } from './room-user-list-repository.js';

/**
 * How one user of a block, an allowlist addition or a batch removal fared: `ok` (done), or why
 * not, checked in this order: the user does not exist, is the room's owner (blocks and removals),
 * is not a member.
 */
export type ListTargetStatus = 'ok' | 'user-missing' | 'owner' | 'not-member';

/** The per-user statuses of a list command, one for each user asked, in the order asked. */
export interface ListTargets {
  readonly statuses: ListTargetStatus[];
}

export interface BlockCommand {
  readonly appId: string;
  readonly roomId: string;
  readonly usernames: readonly UserId[];
  /**
   * True: any user who cannot be blocked refuses the whole command (`user-missing`, `owner`,
   * `not-member`, for the first such user); false: those users are skipped and the others blocked.
   */
  readonly allOrNothing: boolean;
  /** The `BLOCK`/`ADD` event; the store sets `payload.member` to the users blocked (as asked, repeats kept). */
  readonly blocked: RoomEvent;
  /** The `LEAVE`/`BLOCK` event; the store sets `payload.member` to the members who left and `memberCount`. */
  readonly left: RoomEvent;
}

export interface RemoveMembersCommand {
  readonly appId: string;
  readonly roomId: string;
  readonly usernames: readonly UserId[];
  /** The `LEAVE`/`KICK` event; the store sets `payload.member` to the members who left and `memberCount`. */
  readonly left: RoomEvent;
}

export interface AllowCommand {
  readonly appId: string;
  readonly roomId: string;
  readonly usernames: readonly UserId[];
  /** As a block's: true refuses on the first user who cannot be allowed (`user-missing`, `not-member`). */
  readonly allOrNothing: boolean;
  /** The `WHITE`/`ADD` event; the store sets `payload.member` to the users allowed (as asked, repeats kept). */
  readonly allowed: RoomEvent;
}

export interface RemoveFromListCommand {
  readonly appId: string;
  readonly roomId: string;
  readonly list: RoomUserList;
  readonly usernames: readonly UserId[];
  /** The `BLOCK`/`WHITE` `REMOVE` event; the store sets `payload.member` to those taken off (as asked, once each). */
  readonly removed: RoomEvent;
}

export interface SuperAdminCommand {
  readonly appId: string;
  readonly username: UserId;
  /** `ADD` makes the user a super admin (one already: unchanged), `REMOVE` takes that away (none: unchanged). */
  readonly change: 'ADD' | 'REMOVE';
  /** The `ROOM_SUPER_ADMIN` event, stored whenever the user exists (changed or not). */
  readonly changed: RoomEvent;
}

/**
 * The guarded commands on a room's blocklist and allowlist, the batch removal (per-user statuses,
 * as a block's) and the app's super admins, with
 * the same promises as `RoomCommands` (one atomic unit each, events stored with the change, a
 * refusal changes nothing, refusals checked in the order listed).
 */
export interface ListCommands {
  /**
   * Takes members out of the room (with their mute, allowlist entry and auto-delete attributes,
   * as a removal does) and puts them on the blocklist. Refusals: `room-missing`; under
   * `allOrNothing` also `user-missing`, `owner`, `not-member` (the first user at fault).
   */
  block(command: BlockCommand): Promise<Outcome<ListTargets>>;
  /**
   * Takes members out of the room as a block does, without listing them; the users who cannot
   * leave (`user-missing`, `owner`, `not-member`) are skipped. Refusal: `room-missing`.
   */
  removeMembers(command: RemoveMembersCommand): Promise<Outcome<ListTargets>>;
  /**
   * Puts members on the allowlist (those on it already stay where they are). Refusals:
   * `room-missing`; under `allOrNothing` also `user-missing`, `not-member`.
   */
  allow(command: AllowCommand): Promise<Outcome<ListTargets>>;
  /** Takes users off a list; `removed` names those who were on it, as asked. Refusal: `room-missing`. */
  removeFromList(command: RemoveFromListCommand): Promise<Outcome<{ removed: UserId[] }>>;
  /** Adds or removes a super admin of the app. Refusal: `user-missing`. */
  setSuperAdmin(command: SuperAdminCommand): Promise<Outcome<Record<never, never>>>;
}
