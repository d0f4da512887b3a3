import type { UserId } from '../model/user-id.js';

export interface MuteEntry {
  readonly username: UserId;
  /** Milliseconds since the epoch when the mute ends; `-1` for a permanent mute. */
  readonly expiresAt: number;
}

export interface MuteRepository {
  /** Mutes the users, replacing any earlier mute of theirs in the room. */
  upsert(appId: string, roomId: string, entries: readonly MuteEntry[]): Promise<void>;
  /** Lifts the users' mutes. Returns those that had one (expired or not). */
  remove(appId: string, roomId: string, usernames: readonly UserId[]): Promise<UserId[]>;
  /** Mutes still in force at `now` (expired ones are left out), in the order they were set. */
  listActive(appId: string, roomId: string, now: number): Promise<MuteEntry[]>;
}
