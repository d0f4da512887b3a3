import * as z from 'zod';

/** `POST /{org}/{app}/chatrooms/super_admin`: exactly one user per call. */
export const addSuperAdminSchema = z.object({
  superadmin: z.string(),
});
