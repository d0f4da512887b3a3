import * as z from 'zod';
import { enveloped, type Operation } from '../openapi/operation.js';
import { ROOM, ROOM_404 } from '../openapi/room-examples.js';
import { setAnnouncementSchema } from './schemas.js';

/** The announcement (§5.7). */
export const announcementOperations: readonly Operation[] = [
  {
    method: 'get',
    path: `${ROOM}/announcement`,
    tag: 'announcement',
    summary: 'Get the announcement',
    response: enveloped('get', `${ROOM}/announcement`, {
      schema: z.strictObject({ announcement: z.string() }),
      example: { announcement: 'welcome' },
    }),
    errorExamples: { 404: ROOM_404 },
  },
  ...(['post', 'put'] as const).map(
    (method): Operation => ({
      method,
      path: `${ROOM}/announcement`,
      tag: 'announcement',
      summary:
        method === 'post' ? 'Set the announcement' : 'Set the announcement (PUT, as an older reference table says)',
      description: 'At most 512 characters; an empty string clears it.',
      body: { schema: setAnnouncementSchema, example: { announcement: 'welcome' } },
      response: enveloped(method, `${ROOM}/announcement`, {
        schema: z.strictObject({ id: z.string(), result: z.literal(true) }),
        example: { id: '100000000000001', result: true },
      }),
      errorExamples: {
        403: ['forbidden_op', 'announce info length exceeds limit!', 'AnnouncementTooLongError'],
        404: ROOM_404,
      },
    }),
  ),
];
