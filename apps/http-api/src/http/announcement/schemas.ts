import * as z from 'zod';

/** `POST /{org}/{app}/chatrooms/{id}/announcement`; an empty string clears it. */
export const setAnnouncementSchema = z.object({
  announcement: z.string(),
});
