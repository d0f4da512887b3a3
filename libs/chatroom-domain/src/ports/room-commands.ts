import type { Chatroom } from '../model/chatroom.js';
import type { ChatroomPatch } from './chatroom-repository.js';
import type { ListCommands } from './list-commands.js';
import type { RoomEvent } from '../model/room-event.js';
import type { UserId } from '../model/user-id.js';
import type { RoomSettingsCommands, SettingsRefusal } from './room-settings-commands.js';
import type { UserCommands } from './user-commands.js';

/**
 * Why a guarded command changed nothing. Each names the guard that refused; the domain turns it
 * into its error in one place (`throwRefusal`).
 */
export type Refusal =
  | { readonly refused: 'room-missing' }
  | { readonly refused: 'user-missing'; readonly username: UserId }
  | { readonly refused: 'room-full' }
  | { readonly refused: 'user-cap'; readonly username: UserId }
  | { readonly refused: 'blocked'; readonly username: UserId }
  | { readonly refused: 'not-member'; readonly usernames: UserId[] }
  /** The owner cannot be removed. */
  | { readonly refused: 'owner' }
  /** A transfer to the user who already owns the room. */
  | { readonly refused: 'same-owner' }
  /** The app already has a room with the id asked (or drawn). */
  | { readonly refused: 'id-taken'; readonly id: string }
  /** The app would then hold more rooms than its quota. */
  | { readonly refused: 'quota-exceeded' }
  /** The owner is asked to become an admin. */
  | { readonly refused: 'owner-not-admin' }
  /** The room has its most admins already. */
  | { readonly refused: 'admin-limit' }
  /** A demotion of a user who is not an admin. */
  | { readonly refused: 'not-admin'; readonly username: UserId }
  | SettingsRefusal;

/** A command's result: what it did, or the refusal (nothing changed). */
export type Outcome<T> = ({ readonly refused?: undefined } & T) | Refusal;

export interface CreateRoomCommand {
  /** The room; without `id`, its id is its `seq`, drawn by the store (increasing, never reused). */
  readonly room: Omit<Chatroom, 'id' | 'seq' | 'memberCount'> & { readonly id?: string };
  /** Members besides the owner (distinct, not the owner); the domain has checked them against `maxUsers`. */
  readonly members: readonly UserId[];
  readonly roomQuota: number;
  readonly joinedRoomCap: number;
  /** `CREATE` and its `JOIN`; the store sets their `roomId` to the room's id. */
  readonly created: readonly RoomEvent[];
}

export interface AddMembersCommand {
  readonly appId: string;
  readonly roomId: string;
  readonly usernames: readonly UserId[];
  readonly joinedRoomCap: number;
  /** The `JOIN` event; the store sets `payload.member` to those added and `memberCount` to the count after. */
  readonly joined: RoomEvent;
}

export interface RemoveMemberCommand {
  readonly appId: string;
  readonly roomId: string;
  readonly username: UserId;
  /** The `LEAVE` event; the store sets `memberCount` to the count after. */
  readonly left: RoomEvent;
}

export interface TransferCommand {
  readonly appId: string;
  readonly roomId: string;
  readonly newOwner: UserId;
  /** The `UPDATE`/`OWNER` event; the store sets `payload.owner` to the owner it replaced. */
  readonly transferred: RoomEvent;
}

export interface DissolveCommand {
  readonly appId: string;
  readonly roomId: string;
  /** `DELETE` and the `LEAVE`/`DELETE` event; the store sets the latter's `payload.member` to the members the room had. */
  readonly dissolved: readonly [RoomEvent, RoomEvent];
}

export interface MuteCommand {
  readonly appId: string;
  readonly roomId: string;
  readonly usernames: readonly UserId[];
  /** `0` lifts the mutes; otherwise the expiry stored for every user (`-1`: for ever). */
  readonly expiresAt: number;
  /** The `MUTE` event, stored as given. */
  readonly muted: RoomEvent;
}

export interface UnmuteCommand {
  readonly appId: string;
  readonly roomId: string;
  /** Whose mutes are lifted: members or not, muted or not (lifting a mute nobody had succeeds). */
  readonly usernames: readonly UserId[];
  /** The `MUTE`/`REMOVE` event, stored as given. */
  readonly unmuted: RoomEvent;
}

export interface SetAdminCommand {
  readonly appId: string;
  readonly roomId: string;
  readonly username: UserId;
  /** The `ADMIN` event (`ADD` or `REMOVE`), stored when the role changed. */
  readonly changed: RoomEvent;
}

export interface UpdateRoomCommand {
  readonly appId: string;
  readonly roomId: string;
  /** The settings that need no look at the room first: its announcement, its mute-all flag. */
  readonly patch: Pick<ChatroomPatch, 'announcement' | 'muteAll'>;
  /** The `UPDATE` event, stored as given. */
  readonly updated: RoomEvent;
}

export interface PromoteAdminCommand extends SetAdminCommand {
  /** The most admins a room may have. */
  readonly maxAdmins: number;
}

/**
 * The writes that need no look before them: each is ONE atomic unit on its own, which a store
 * carries out in as few round trips as it can (PostgreSQL: one statement, autocommit) with its
 * events (stored exactly when the change is), and answers with an outcome naming the guard
 * that refused, if any. A refused command changes nothing. Guards are checked in the order the
 * refusals of each method list them, so that a request with several faults gets the first.
 * Concurrent commands and units of work never break an invariant: the store re-checks (or runs
 * the command again) when something it relied on changed while it waited for a lock.
 */
export interface RoomCommands extends ListCommands, RoomSettingsCommands, UserCommands {
  /**
   * Inserts the room with its owner and members, counted against the app's `roomQuota` and
   * each user's `joinedRoomCap`. Refusals, in order: `user-missing` (the first of owner, then
   * members), `id-taken`, `quota-exceeded`, `user-cap`.
   */
  createRoom(command: CreateRoomCommand): Promise<Outcome<{ id: string }>>;
  /**
   * Adds those of `usernames` who are not members yet, all or none, under the room's
   * `maxusers` and each user's `joinedRoomCap`; nobody if any of them is on the blocklist.
   * Refusals, in order: `room-missing`, `user-missing`, `blocked`, `room-full`, `user-cap`.
   * `added` keeps the order asked; `memberCount` is present exactly when someone was added.
   */
  addMembers(command: AddMembersCommand): Promise<Outcome<{ added: UserId[]; memberCount?: number }>>;
  /**
   * Removes one member (with their mute, allowlist entry and auto-delete attributes).
   * Refusals: `room-missing`, `user-missing`, `owner`, `not-member`.
   */
  removeMember(command: RemoveMemberCommand): Promise<Outcome<{ memberCount: number }>>;
  /**
   * Makes `newOwner` (a member) the owner and the old owner an ordinary member.
   * Refusals: `room-missing`, `user-missing`, `same-owner`, `not-member`.
   */
  transfer(command: TransferCommand): Promise<Outcome<{ from: UserId }>>;
  /** Deletes the room and everything of it, as `ChatroomRepository.delete`. Refusal: `room-missing`. */
  dissolve(command: DissolveCommand): Promise<Outcome<{ members: UserId[] }>>;
  /** Sets (or lifts) the users' mutes. Refusals: `room-missing`, `not-member` (naming every outsider). */
  mute(command: MuteCommand): Promise<Outcome<Record<never, never>>>;
  /** Lifts the users' mutes, whoever they are. Refusal: `room-missing`. */
  unmute(command: UnmuteCommand): Promise<Outcome<Record<never, never>>>;
  /**
   * Makes a member an admin, under the room's `maxAdmins`; `changed` is false when they were
   * one already. Refusals, in order: `room-missing`, `user-missing`, `not-member`,
   * `owner-not-admin`, `admin-limit`.
   */
  promoteAdmin(command: PromoteAdminCommand): Promise<Outcome<{ changed: boolean }>>;
  /** Makes an admin an ordinary member. Refusals, in order: `room-missing`, `user-missing`, `not-admin`. */
  demoteAdmin(command: SetAdminCommand): Promise<Outcome<Record<never, never>>>;
  /** Sets the room's announcement or mute-all flag. Refusal: `room-missing`. */
  updateRoom(command: UpdateRoomCommand): Promise<Outcome<Record<never, never>>>;
}
