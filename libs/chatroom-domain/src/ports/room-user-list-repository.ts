import type { UserId } from '../model/user-id.js';

/** The two per-room user lists: who may not be in the room, and who is exempt from mute-all. */
export type RoomUserList = 'blocklist' | 'allowlist';

export interface RoomUserListRepository {
  /** Puts the users on the list; those already on it stay as they are. */
  add(appId: string, roomId: string, list: RoomUserList, usernames: readonly UserId[]): Promise<void>;
  /** Takes the users off the list. Returns those that were on it. */
  remove(appId: string, roomId: string, list: RoomUserList, usernames: readonly UserId[]): Promise<UserId[]>;
  /** Everyone on the list, in the order they were put on it. */
  list(appId: string, roomId: string, list: RoomUserList): Promise<UserId[]>;
  /** The subset of `usernames` on the list, in any order. */
  filter(appId: string, roomId: string, list: RoomUserList, usernames: readonly UserId[]): Promise<UserId[]>;
}
