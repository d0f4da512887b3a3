import * as z from 'zod';
import { integerParam } from '../route-kit/fields.js';

/** `GET /{org}/{app}/chatrooms/{id}/events?limit&cursor` (limit 1–100, default 10). */
export const listRoomEventsQuery = z.object({
  limit: integerParam,
  cursor: z.string().optional(),
});
