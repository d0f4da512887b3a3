import * as z from 'zod';
import { listRoomEventsQuery } from './schemas.js';
import { enveloped, type Operation } from '../openapi/operation.js';

const PATH = '/{org}/{app}/chatrooms/{id}/events';

/** One audit-trail entry (routes/room-events.ts): who did what, when, with the callback's payload. */
export const roomEventEntry = z
  .strictObject({
    id: z.string(),
    operation: z.string().meta({ description: 'The Easemob callback operation: CREATE, JOIN, LEAVE, UPDATE, …' }),
    operator: z.string(),
    timestamp: z.number().int(),
    payload: z.unknown().optional(),
    member_count: z.number().int().optional().meta({
      description:
        "The room's member count after the change: on JOIN and LEAVE only, not on LEAVE/DELETE (as the callback).",
    }),
  })
  .meta({ id: 'RoomEventEntry' });

/** Our extension: the audit trail. */
export const roomEventOperations: readonly Operation[] = [
  {
    method: 'get',
    path: PATH,
    tag: 'events',
    summary: "A room's events, newest first",
    description:
      'Keyset paging: pass the `cursor` of the previous page; `limit` 1–100 (default 10). ' +
      '`chatrooms/super_admin/events` lists the app-wide events (super admins). Kept `EVENT_RETENTION_DAYS`.',
    query: listRoomEventsQuery,
    response: enveloped(
      'get',
      PATH,
      {
        schema: z.array(roomEventEntry),
        example: [
          {
            id: '0b6f8f8e-3c1a-4a51-9a55-5f3c1c7b2f10',
            operation: 'JOIN',
            operator: '@ppAdmin',
            timestamp: 1764374400000,
            payload: { type: 'DIRECT', member: ['bob'] },
            member_count: 2,
          },
        ],
      },
      { list: true, cursor: true, params: { limit: ['10'] } },
    ),
    errorExamples: { 400: ['invalid_parameter', 'cursor is invalid', 'InvalidCursorError'] },
  },
];
