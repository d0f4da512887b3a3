import * as z from 'zod';
import { integerParam, optional } from '../route-kit/fields.js';

/** `POST /{org}/{app}/chatrooms`; unknown fields are ignored, as Easemob clients send extras. */
export const createChatroomSchema = z.object({
  name: z.string(),
  description: z.string(),
  owner: z.string(),
  maxusers: optional(z.int()),
  members: optional(z.array(z.string())),
  custom: optional(z.string()),
  roomid: optional(z.string()),
});

/** `PUT /{org}/{app}/chatrooms/{id}` without `newowner`: only these three fields may appear. */
export const modifyChatroomSchema = z.strictObject({
  name: optional(z.string()),
  description: optional(z.string()),
  maxusers: optional(z.int()),
});

/** `PUT /{org}/{app}/chatrooms/{id}` with `newowner`, which must then be the only field. */
export const transferChatroomSchema = z
  .looseObject({ newowner: z.string() })
  .refine((body) => Object.keys(body).length === 1, { message: 'newowner must be the only field' });

/** `GET /{org}/{app}/chatrooms?limit&cursor`. */
export const listChatroomsQuery = z.object({
  limit: integerParam,
  cursor: z.string().optional(),
});
