import * as z from 'zod';

/** `POST /{org}/{app}/chatrooms/{id}/admin`: one member per call. */
export const promoteAdminSchema = z.object({
  newadmin: z.string(),
});
