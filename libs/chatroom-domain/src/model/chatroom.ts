import { errors } from '../errors/error-catalogue.js';
import type { AppSettings } from './app.js';
import { codePointLength, utf8ByteLength } from './text.js';
import type { UserId } from './user-id.js';

export const NAME_MAX_CHARS = 128;
export const DESCRIPTION_MAX_CHARS = 512;
export const CUSTOM_MAX_BYTES = 8192;
export const DEFAULT_MAX_USERS = 1000;
export const CUSTOM_ROOM_ID_MAX = 64;
export const DETAILS_MAX_IDS = 100;
/**
 * Most affiliations one details answer carries (enforced in GetChatroomDetails, from the rooms'
 * member counts before any affiliation is read): 10 full rooms of the default 10,000 ceiling,
 * ≈ 2 MB of JSON. 100 such rooms would be ≈ 20 MB and a million rows held at once; a bigger
 * answer is a 400, and the paged member list serves rooms one page at a time.
 */
export const DETAILS_MAX_AFFILIATIONS = 100_000;
const CUSTOM_ROOM_ID_PATTERN = /^[a-z0-9]+$/;

export interface Chatroom {
  readonly appId: string;
  /** Numeric string for generated ids; `[a-z0-9]` when chosen by the caller. */
  readonly id: string;
  /** Creation order, from the id generator: newest rooms have the highest seq. */
  readonly seq: number;
  readonly name: string;
  readonly description: string;
  /** Cap on affiliations, owner included. */
  readonly maxUsers: number;
  readonly owner: UserId;
  readonly custom: string;
  readonly created: number;
  readonly muteAll: boolean;
  /** `affiliations_count`: the owner plus every other member. */
  readonly memberCount: number;
}

export type Role = 'owner' | 'admin' | 'member';

/** One entry of a room's affiliations. */
export interface Affiliation {
  readonly username: UserId;
  readonly role: Role;
}

export function assertName(name: string): void {
  if (codePointLength(name) > NAME_MAX_CHARS) throw errors.nameTooLong(NAME_MAX_CHARS);
}

export function assertDescription(description: string): void {
  if (codePointLength(description) > DESCRIPTION_MAX_CHARS) {
    throw errors.descriptionTooLong(DESCRIPTION_MAX_CHARS);
  }
}

export function assertCustom(custom: string): void {
  if (utf8ByteLength(custom) > CUSTOM_MAX_BYTES) throw errors.customTooLong(CUSTOM_MAX_BYTES);
}

export function assertMaxUsers(maxUsers: number, settings: AppSettings): void {
  if (!Number.isInteger(maxUsers) || maxUsers < 1) {
    throw errors.invalidParameter('maxusers must be an integer of at least 1');
  }
  if (maxUsers > settings.maxUsersCeiling) throw errors.maxUsersAboveCeiling(settings.maxUsersCeiling);
}

export function assertCustomRoomId(id: string): void {
  if (id.length > CUSTOM_ROOM_ID_MAX || !CUSTOM_ROOM_ID_PATTERN.test(id)) {
    throw errors.invalidParameter(`roomid must be 1 to ${CUSTOM_ROOM_ID_MAX} characters of a-z and 0-9`);
  }
}

/** The member cap: the owner plus every other member never exceeds `maxusers`. */
export function fitsMaxUsers(memberCount: number, maxUsers: number): boolean {
  return memberCount <= maxUsers;
}

/** The per-user cap: a user belongs to at most `joinedRoomCap` rooms. */
export function fitsJoinedRoomCap(joinedCount: number, settings: AppSettings): boolean {
  return joinedCount <= settings.joinedRoomCap;
}

/** A new owner must differ from the old one and already be a member. */
export function assertTransferable(room: Chatroom, newOwner: UserId, newOwnerRole: Role | null): void {
  if (newOwner === room.owner) throw errors.sameOwner();
  if (newOwnerRole === null) throw errors.notMembers([newOwner]);
}
