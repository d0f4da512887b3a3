import { errors } from '../errors/error-catalogue.js';
import { utf8ByteLength } from './text.js';

/** A user id as stored: lower-cased, 1–64 bytes of `a-z0-9_-.`. */
export type UserId = string & { readonly __brand: 'UserId' };

export const USER_ID_MAX_BYTES = 64;
const USER_ID_PATTERN = /^[a-z0-9_.-]+$/;

/** Normalises (lower-cases) and validates a user id from any input: body, path or comma list. */
export function parseUserId(raw: string): UserId {
  const id = raw.toLowerCase();
  if (utf8ByteLength(id) > USER_ID_MAX_BYTES) throw errors.usernameTooLong();
  if (!USER_ID_PATTERN.test(id)) throw errors.invalidUsername(raw);
  return id as UserId;
}

/** Parses a list of ids, dropping duplicates and keeping first-seen order. */
export function parseUserIds(raws: readonly string[]): UserId[] {
  return [...new Set(raws.map(parseUserId))];
}
