import * as z from 'zod';
import { usernamesSchema } from '../route-kit/usernames.js';

/** `POST /{org}/{app}/chatrooms/{id}/mute`; the use case checks the duration's range (≥ -1). */
export const muteMembersSchema = usernamesSchema.extend({
  mute_duration: z.int(),
});
