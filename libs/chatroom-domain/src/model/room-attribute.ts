import { errors } from '../errors/error-catalogue.js';
import { codePointLength } from './text.js';
import type { UserId } from './user-id.js';

export const ATTRIBUTES_PER_CALL_MAX = 10;
export const ATTRIBUTE_KEY_MAX_CHARS = 128;
export const ATTRIBUTE_VALUE_MAX_CHARS = 4096;
export const ATTRIBUTES_PER_ROOM_MAX = 100;
const KEY_PATTERN = /^[A-Za-z0-9_.-]+$/;

/** A custom attribute of a room, owned by the member who set it. */
export interface RoomAttribute {
  readonly key: string;
  readonly value: string;
  readonly owner: UserId;
  /** Removed when its owner leaves the room (`autoDelete: DELETE`). */
  readonly autoDelete: boolean;
}

/** `field` names the request field the keys came in (`metaData` on set, `keys` on delete). */
export function assertAttributeBatch(count: number, field: 'metaData' | 'keys'): void {
  if (count === 0) throw errors.invalidParameter(`${field} must contain at least one key`);
  if (count > ATTRIBUTES_PER_CALL_MAX) throw errors.metadataBatchTooLarge(ATTRIBUTES_PER_CALL_MAX);
}

/** Why a key/value pair cannot be stored, or null when it can. */
export function attributeProblem(key: string, value: string): string | null {
  if (key.length === 0 || !KEY_PATTERN.test(key)) {
    return `properties key '${key}' contains characters other than A-Z a-z 0-9 _ . -`;
  }
  if (codePointLength(key) > ATTRIBUTE_KEY_MAX_CHARS) {
    return `properties key '${key}' is exceeding maximum limit ${ATTRIBUTE_KEY_MAX_CHARS}`;
  }
  if (codePointLength(value) > ATTRIBUTE_VALUE_MAX_CHARS) {
    return `properties value of key '${key}' is exceeding maximum limit ${ATTRIBUTE_VALUE_MAX_CHARS}`;
  }
  return null;
}
