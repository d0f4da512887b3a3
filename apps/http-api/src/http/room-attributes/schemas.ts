import * as z from 'zod';
import { optional } from '../route-kit/fields.js';

/**
 * `PUT /{org}/{app}/metadata/chatroom/{id}/user/{username}[/forced]`. (`record` would drop a
 * `__proto__` key, but the body parser already refuses such a body.)
 */
export const setRoomAttributesSchema = z.object({
  metaData: z.record(z.string(), z.string()),
  autoDelete: optional(z.enum(['DELETE', 'NO_DELETE'], { error: 'autoDelete must be DELETE or NO_DELETE' })),
});

/** `POST /{org}/{app}/metadata/chatroom/{id}`: no `keys` (or an empty list) reads every attribute. */
export const getRoomAttributesSchema = z.object({
  keys: optional(z.array(z.string())),
});

/** `DELETE /{org}/{app}/metadata/chatroom/{id}/user/{username}[/forced]`. */
export const deleteRoomAttributesSchema = z.object({
  keys: z.array(z.string()),
});
