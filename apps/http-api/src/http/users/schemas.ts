import * as z from 'zod';
import { optional } from '../route-kit/fields.js';

/** One user of `POST /{org}/{app}/users`; the body is one of these or an array of them. */
export const registerUserSchema = z.object({
  username: z.string(),
  password: optional(z.string()),
  nickname: optional(z.string()),
});

export const registerUsersSchema = z.array(registerUserSchema);
