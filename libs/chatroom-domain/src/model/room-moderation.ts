import { errors } from '../errors/error-catalogue.js';
import { codePointLength } from './text.js';

/** Owner + admins ≤ 100, so at most 99 admins. */
export const ADMINS_MAX = 99;
export const ANNOUNCEMENT_MAX_CHARS = 512;
/** `mute_duration` and `expire` of a mute that never ends. */
export const PERMANENT_MUTE = -1;

/**
 * Batch operations with their limit (the newest documented one, decisions.md) and the
 * reference's message for going over it.
 */
export const BATCHES = {
  addMembers: { max: 100, message: 'addMembers: addMembers number more than maxSize : 100' },
  removeMembers: { max: 60, message: 'kickMember: kickMembers number more than maxSize : 60' },
  mute: { max: 100, message: 'userNames size is more than max limit : 100' },
  unmute: { max: 60, message: 'removeMute member size more than max limit :  60' },
  block: { max: 60, message: 'userNames is more than max limit : 60' },
  unblock: { max: 60, message: 'removeBlacklist: list size more than max limit : 60' },
  allow: { max: 60, message: 'usernames size is more than max limit : 60' },
  disallow: { max: 60, message: 'removeWhitelist size is more than max limit : 60' },
} as const;

export type BatchKind = keyof typeof BATCHES;

export function assertBatch(kind: BatchKind, raws: readonly string[]): void {
  if (raws.length === 0) throw errors.invalidParameter('usernames must contain at least one user');
  if (raws.length > BATCHES[kind].max) throw errors.batchTooLarge(BATCHES[kind].message);
}

export function assertAnnouncement(text: string): void {
  if (codePointLength(text) > ANNOUNCEMENT_MAX_CHARS) throw errors.announcementTooLong();
}

/** Milliseconds from now, `-1` for ever, `0` to lift the mute. */
/** Longest timed mute: 100 years, so an expiry time always stays a safe integer. */
export const MUTE_DURATION_MAX_MS = 100 * 365 * 24 * 3600 * 1000;

export function assertMuteDuration(duration: number): void {
  if (!Number.isSafeInteger(duration) || duration < PERMANENT_MUTE || duration > MUTE_DURATION_MAX_MS) {
    throw errors.invalidParameter(`mute_duration must be an integer from -1 to ${MUTE_DURATION_MAX_MS}`);
  }
}

/** When a mute of `duration` set at `now` ends (`-1`: never). */
export function muteExpiry(now: number, duration: number): number {
  return duration === PERMANENT_MUTE ? PERMANENT_MUTE : now + duration;
}

export function isMuteActive(expiresAt: number, now: number): boolean {
  return expiresAt === PERMANENT_MUTE || expiresAt > now;
}
