import * as z from 'zod';
import { pageQuery } from '../route-kit/fields.js';
import { usernamesSchema } from '../route-kit/usernames.js';
import { enveloped, type Operation } from '../openapi/operation.js';
import { affiliation, userResult, usernames } from '../openapi/response-schemas.js';
import { ROOM, ROOM_404, USER_404 } from '../openapi/room-examples.js';

/** Members (§5.1). */
export const memberOperations: readonly Operation[] = [
  {
    method: 'get',
    path: `${ROOM}/users`,
    tag: 'members',
    summary: 'List members, owner first',
    query: pageQuery,
    response: enveloped(
      'get',
      `${ROOM}/users`,
      { schema: z.array(affiliation), example: [{ owner: 'alice' }, { member: 'bob' }] },
      { list: true },
    ),
    errorExamples: { 404: ROOM_404 },
  },
  {
    method: 'post',
    path: `${ROOM}/users/{username}`,
    tag: 'members',
    summary: 'Add one member',
    response: enveloped('post', `${ROOM}/users/{username}`, {
      schema: z.strictObject({
        result: z.literal(true),
        action: z.literal('add_member'),
        id: z.string(),
        user: z.string(),
      }),
      example: { result: true, action: 'add_member', id: '100000000000001', user: 'alice' },
    }),
    errorExamples: {
      403: ['forbidden_op', 'user alice is in the blocklist of chatroom 100000000000001', 'UserBlockedError'],
      404: USER_404,
    },
  },
  {
    method: 'post',
    path: `${ROOM}/users`,
    tag: 'members',
    summary: 'Add up to 100 members (all or nothing)',
    body: { schema: usernamesSchema, example: { usernames: ['alice', 'bob'] } },
    response: enveloped('post', `${ROOM}/users`, {
      schema: z.strictObject({ newmembers: usernames, action: z.literal('add_member'), id: z.string() }),
      example: { newmembers: ['alice', 'bob'], action: 'add_member', id: '100000000000001' },
    }),
    errorExamples: { 404: USER_404 },
  },
  {
    method: 'delete',
    path: `${ROOM}/users/{usernames}`,
    tag: 'members',
    summary: 'Remove one member, or up to 60 (comma list)',
    description: 'A comma in the segment selects the batch form, which answers one result per user.',
    response: enveloped('delete', `${ROOM}/users/{usernames}`, {
      schema: z.union([
        z.strictObject({
          result: z.literal(true),
          action: z.literal('remove_member'),
          user: z.string(),
          id: z.string(),
        }),
        z.array(userResult('id')),
      ]),
      example: [
        { result: true, action: 'remove_member', user: 'alice', id: '100000000000001' },
        {
          result: false,
          action: 'remove_member',
          reason: "user: bob doesn't exist in group: 100000000000001",
          user: 'bob',
          id: '100000000000001',
        },
      ],
    }),
    errorExamples: {
      403: ['forbidden_op', 'can not remove the owner of chatroom 100000000000001', 'RemoveOwnerError'],
      404: ROOM_404,
    },
  },
];
