import * as z from 'zod';
import { usernamesSchema } from '../route-kit/usernames.js';
import { enveloped, type Operation, type Tag } from '../openapi/operation.js';
import { userResult } from '../openapi/response-schemas.js';
import { NOT_MEMBER, ROOM, ROOM_404 } from '../openapi/room-examples.js';

/** §5.5 and §5.6: the same five calls over two lists (see routes.ts). */
function userListOperations(
  tag: Tag,
  segment: string,
  addAction: string,
  removeAction: string,
  singleRemoval: boolean,
): Operation[] {
  const base = `${ROOM}/${segment}/users`;
  const item = (action: string, user: string) => ({ result: true, action, user, chatroomid: '100000000000001' });
  const oneResult = (action: string) =>
    z.strictObject({ result: z.literal(true), action: z.literal(action), user: z.string(), chatroomid: z.string() });
  return [
    {
      method: 'get',
      path: base,
      tag,
      summary: `List the ${tag}`,
      response: enveloped('get', base, { schema: z.array(z.string()), example: ['bob'] }, { list: true }),
      errorExamples: { 404: ROOM_404 },
    },
    {
      method: 'post',
      path: `${base}/{username}`,
      tag,
      summary: `Put one member on the ${tag}`,
      response: enveloped('post', `${base}/{username}`, {
        schema: oneResult(addAction),
        example: item(addAction, 'alice'),
      }),
      errorExamples: { 400: NOT_MEMBER, 404: ROOM_404 },
    },
    {
      method: 'post',
      path: base,
      tag,
      summary: `Put up to 60 members on the ${tag}`,
      body: { schema: usernamesSchema, example: { usernames: ['alice', 'bob'] } },
      response: enveloped('post', base, {
        schema: z.array(userResult('chatroomid')),
        example: [item(addAction, 'alice'), item(addAction, 'bob')],
      }),
      errorExamples: { 404: ROOM_404 },
    },
    {
      method: 'delete',
      path: `${base}/{usernames}`,
      tag,
      summary: `Take one user, or up to 60 (comma list), off the ${tag}`,
      description: singleRemoval
        ? 'One user answers one result; a comma in the segment answers one result per user.'
        : 'Always answers one result per user, even for one.',
      response: enveloped('delete', `${base}/{usernames}`, {
        schema: singleRemoval
          ? z.union([userResult('chatroomid'), z.array(userResult('chatroomid'))])
          : z.array(userResult('chatroomid')),
        example: [item(removeAction, 'alice'), item(removeAction, 'bob')],
      }),
      errorExamples: { 404: ROOM_404 },
    },
  ];
}

/** The blocklist (§5.5) and the allowlist (§5.6). */
export const roomUserListOperations: readonly Operation[] = [
  ...userListOperations('blocklist', 'blocks', 'add_blocks', 'remove_blocks', true),
  ...userListOperations('allowlist', 'white', 'add_user_whitelist', 'remove_user_whitelist', false),
];
