import * as z from 'zod';
import { enveloped, type Operation } from '../openapi/operation.js';
import { usernames } from '../openapi/response-schemas.js';
import { ROOM, ROOM_404 } from '../openapi/room-examples.js';
import { promoteAdminSchema } from './schemas.js';

/** Admins (§5.2). */
export const adminOperations: readonly Operation[] = [
  {
    method: 'get',
    path: `${ROOM}/admin`,
    tag: 'admins',
    summary: 'List admins',
    response: enveloped('get', `${ROOM}/admin`, { schema: usernames, example: ['bob'] }, { list: true }),
    errorExamples: { 404: ROOM_404 },
  },
  {
    method: 'post',
    path: `${ROOM}/admin`,
    tag: 'admins',
    summary: 'Promote a member to admin',
    body: { schema: promoteAdminSchema, example: { newadmin: 'bob' } },
    response: enveloped('post', `${ROOM}/admin`, {
      schema: z.strictObject({ result: z.literal('success'), newadmin: z.string() }),
      example: { result: 'success', newadmin: 'bob' },
    }),
    errorExamples: {
      403: [
        'exceed_limit',
        'the number of admins of chatroom 100000000000001 has reached the limit of 99',
        'AdminLimitReachedError',
      ],
      404: ROOM_404,
    },
  },
  {
    method: 'delete',
    path: `${ROOM}/admin/{oldadmin}`,
    tag: 'admins',
    summary: 'Demote an admin',
    response: enveloped('delete', `${ROOM}/admin/{oldadmin}`, {
      schema: z.strictObject({ result: z.literal('success'), oldadmin: z.string() }),
      example: { result: 'success', oldadmin: 'alice' },
    }),
    errorExamples: {
      400: ['forbidden_op', 'user alice is not an admin of chatroom 100000000000001', 'NotAdminError'],
      404: ROOM_404,
    },
  },
];
