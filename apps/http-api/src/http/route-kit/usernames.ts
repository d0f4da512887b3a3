import * as z from 'zod';

/** The body of every batch form that names users: add members, block, allow. */
export const usernamesSchema = z.object({
  usernames: z.array(z.string()),
});
