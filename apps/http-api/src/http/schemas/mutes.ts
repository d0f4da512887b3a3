import * as z from 'zod';

/** `POST /{org}/{app}/chatrooms/{id}/mute`; the use case checks the duration's range (≥ -1). */
export const muteMembersSchema = z.object({
  mute_duration: z.int(),
  usernames: z.array(z.string()),
});
