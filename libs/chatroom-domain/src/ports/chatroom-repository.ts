import type { Chatroom } from '../model/chatroom.js';
import type { UserId } from '../model/user-id.js';

export type InsertChatroomOutcome = 'inserted' | 'id-taken' | 'quota-exceeded';

/** Room fields a use case may change. */
export interface ChatroomPatch {
  readonly name?: string;
  readonly description?: string;
  readonly maxUsers?: number;
  readonly muteAll?: boolean;
  readonly announcement?: string;
}

export interface ChatroomRepository {
  /**
   * Inserts a room with no affiliations (`memberCount` is ignored and starts at 0; members
   * are added through the membership repository). `id-taken` when the app already has a
   * room with that id (nothing written); `quota-exceeded` when the app would then hold more
   * than `roomQuota` rooms, counted atomically (the unit of work must then be rolled back).
   */
  insert(room: Chatroom, roomQuota: number): Promise<InsertChatroomOutcome>;
  findById(appId: string, id: string): Promise<Chatroom | null>;
  /**
   * Like findById, and no other unit of work may change the room (its fields, owner or
   * member count) until this one ends.
   */
  findByIdForUpdate(appId: string, id: string): Promise<Chatroom | null>;
  /** The rooms among `ids` that exist, in any order. */
  findByIds(appId: string, ids: readonly string[]): Promise<Chatroom[]>;
  /**
   * At most `limit` rooms, highest `seq` first, only those with `seq < beforeSeq` when given.
   * Must cost the same however deep the page (keyset, never offset).
   */
  listPage(appId: string, limit: number, beforeSeq?: number): Promise<Chatroom[]>;
  /** The room's announcement (empty when none), or null when the room does not exist. */
  announcement(appId: string, id: string): Promise<string | null>;
  /** Applies the patch; the caller has checked it against the locked room. */
  update(appId: string, id: string, patch: ChatroomPatch): Promise<void>;
  /**
   * Deletes the room and everything of it (memberships, roles, block/allow lists, mutes,
   * attributes, announcement), and gives back
   * the room's slot in the app quota and each member's slot in their joined-room cap.
   * Returns false when the room did not exist.
   */
  delete(appId: string, id: string): Promise<boolean>;
  /**
   * Deletes every room the user owns in the app, each as `delete` does, in a constant number
   * of statements however many rooms there are. Returns the rooms, in any order, each with the
   * members it had when it went (owner first, then join order, as `affiliations`), read in the
   * same unit of work after the rooms were locked, so nobody joins or leaves in between.
   */
  deleteOwnedBy(appId: string, owner: UserId): Promise<DissolvedRoom[]>;
}

/** A room `deleteOwnedBy` deleted, with the members it had (E12 lists them). */
export interface DissolvedRoom {
  readonly id: string;
  readonly members: UserId[];
}
