import type { Affiliation, Role } from '../model/chatroom.js';
import type { UserId } from '../model/user-id.js';

export type AddMembersOutcome =
  /**
   * `memberCount`: the room's member count after this addition, returned by the statement that
   * changed the counter (no extra read), so concurrent additions each get their own exact count.
   * Present exactly when someone was added.
   */
  | { readonly ok: true; readonly added: UserId[]; readonly memberCount?: number }
  /** The room's member count would pass its `maxusers`. */
  | { readonly ok: false; readonly reason: 'room-full' }
  /** This user would then belong to more than `joinedRoomCap` rooms. */
  | { readonly ok: false; readonly reason: 'user-cap'; readonly username: UserId };

/** What `transferOwnership` did: a refusal is a value, like `AddMembersOutcome`. */
export type TransferOutcome = 'transferred' | 'not-member';

/** What `remove` did. */
export interface RemovedMembers {
  /** Those who were members, in the order asked. */
  readonly removed: UserId[];
  /** The room's member count after the removal, as `AddMembersOutcome`'s; present exactly when someone was removed. */
  readonly memberCount?: number;
}

/** A room `removeEverywhere` took the user out of, with its member count after that. */
export interface RoomLeft {
  readonly roomId: string;
  readonly memberCount: number;
}

export interface JoinedChatroom {
  readonly id: string;
  readonly name: string;
}

export interface MembershipRepository {
  /**
   * Adds the users to the room with the given role, skipping those already in it, and
   * counts them atomically against the room's stored `maxusers` and each user's
   * `joinedRoomCap`, whatever other units of work do at the same time. On a refusal the
   * outcome says why and the caller must roll the unit of work back. `added` keeps the
   * order of `usernames`. A room that does not exist gets nobody: `ok` with `added` empty
   * (callers look for the room only then). Once someone is added, no other unit of work can add to, remove
   * from or lock the room until this one ends, so checks made after `add` returns (the
   * blocklist) see everything committed before.
   */
  add(
    appId: string,
    roomId: string,
    usernames: readonly UserId[],
    role: Role,
    joinedRoomCap: number,
  ): Promise<AddMembersOutcome>;
  /** Removes the users from the room and updates the counters. Returns those removed and the count after. */
  remove(appId: string, roomId: string, usernames: readonly UserId[]): Promise<RemovedMembers>;
  /**
   * Removes the user from every room they do not own (counters included); the rooms they own
   * are left to `ChatroomRepository.deleteOwnedBy`. Returns the rooms left, each with its member
   * count after, from the statements that changed the counters (no extra read).
   */
  removeEverywhere(appId: string, username: UserId): Promise<RoomLeft[]>;
  roleOf(appId: string, roomId: string, username: UserId): Promise<Role | null>;
  /** The roles of those among `usernames` who are in the room; others are absent. */
  rolesOf(appId: string, roomId: string, usernames: readonly UserId[]): Promise<Map<UserId, Role>>;
  /** Makes a member an admin or an admin a member (never touches the owner). */
  setRole(appId: string, roomId: string, username: UserId, role: 'admin' | 'member'): Promise<void>;
  /** The room's admins, in join order. */
  admins(appId: string, roomId: string): Promise<UserId[]>;
  /** One page of the affiliations: the owner first, then the others in join order. */
  listPage(appId: string, roomId: string, offset: number, limit: number): Promise<Affiliation[]>;
  /**
   * Makes `to` (a member) the owner and `from` (the owner) an ordinary member, and the room's
   * `owner` field `to`. `not-member` when `to` is not in the room: nothing changes (the room
   * keeps its owner), and the caller decides what to answer. Never throws a domain error.
   */
  transferOwnership(appId: string, roomId: string, from: UserId, to: UserId): Promise<TransferOutcome>;
  /**
   * Affiliations of each room: the owner first, then the others in join order.
   * Rooms without affiliations are absent. A constant number of queries for any number of rooms.
   */
  affiliations(appId: string, roomIds: readonly string[]): Promise<Map<string, Affiliation[]>>;
  /** Rooms the user belongs to, newest join first. */
  joinedRooms(appId: string, username: UserId, offset: number, limit: number): Promise<JoinedChatroom[]>;
}
