import * as z from 'zod';
import { setAnnouncementSchema } from '../announcement/schemas.js';
import { muteMembersSchema } from './schemas.js';
import {
  deleteRoomAttributesSchema,
  getRoomAttributesSchema,
  setRoomAttributesSchema,
} from '../room-attributes/schemas.js';
import { usernamesSchema } from '../route-kit/usernames.js';
import { enveloped, type ErrorRow, type Method, type Operation, type Tag } from '../openapi/operation.js';
import { attributeKeysResult, userResult } from '../openapi/response-schemas.js';

const ROOM = '/{org}/{app}/chatrooms/{id}';
const ROOM_404: ErrorRow = ['resource_not_found', 'grpID 100000000000001 does not exist!', 'ChatroomNotFoundError'];
const NOT_MEMBER: ErrorRow = ['forbidden_op', 'users [alice] are not members of this group!', 'NotMembersError'];
const muteAll = z.strictObject({ mute: z.boolean() });

const muteOperations: Operation[] = [
  {
    method: 'get',
    path: `${ROOM}/mute`,
    tag: 'mutes',
    summary: 'List muted members',
    response: enveloped(
      'get',
      `${ROOM}/mute`,
      {
        schema: z.array(z.strictObject({ expire: z.int(), user: z.string() })),
        example: [{ expire: 1764378000000, user: 'bob' }],
      },
      { list: true },
    ),
    errorExamples: { 404: ROOM_404 },
  },
  {
    method: 'post',
    path: `${ROOM}/mute`,
    tag: 'mutes',
    summary: 'Mute up to 100 members',
    description: '`mute_duration` in milliseconds; `-1` mutes for ever, `0` lifts the mute.',
    body: { schema: muteMembersSchema, example: { usernames: ['bob'], mute_duration: 60000 } },
    response: enveloped('post', `${ROOM}/mute`, {
      schema: z.array(z.strictObject({ result: z.literal(true), expire: z.int(), user: z.string() })),
      example: [{ result: true, expire: 1764374460000, user: 'bob' }],
    }),
    errorExamples: { 400: NOT_MEMBER, 404: ROOM_404 },
  },
  {
    method: 'delete',
    path: `${ROOM}/mute/{members}`,
    tag: 'mutes',
    summary: 'Unmute up to 60 members (comma list)',
    response: enveloped('delete', `${ROOM}/mute/{members}`, {
      schema: z.array(z.strictObject({ result: z.literal(true), user: z.string() })),
      example: [{ result: true, user: 'alice' }, { result: true, user: 'bob' }],
    }),
    errorExamples: { 404: ROOM_404 },
  },
  ...(['post', 'delete'] as const).map(
    (method): Operation => ({
      method,
      path: `${ROOM}/ban`,
      tag: 'mutes',
      summary: method === 'post' ? 'Mute everyone (mute-all on)' : 'Lift mute-all',
      response: enveloped(method, `${ROOM}/ban`, { schema: muteAll, example: { mute: method === 'post' } }),
      errorExamples: { 404: ROOM_404 },
    }),
  ),
];

/** §5.5 and §5.6: the same five calls over two lists (see routes/room-user-lists.ts). */
function userListOperations(tag: Tag, segment: string, addAction: string, removeAction: string, singleRemoval: boolean): Operation[] {
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
      response: enveloped('post', `${base}/{username}`, { schema: oneResult(addAction), example: item(addAction, 'alice') }),
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
        schema: singleRemoval ? z.union([userResult('chatroomid'), z.array(userResult('chatroomid'))]) : z.array(userResult('chatroomid')),
        example: [item(removeAction, 'alice'), item(removeAction, 'bob')],
      }),
      errorExamples: { 404: ROOM_404 },
    },
  ];
}

const ATTRIBUTES_USER = '/{org}/{app}/metadata/chatroom/{id}/user/{username}';
const NOT_IN_ROOM: ErrorRow = ['MetadataException', 'user is not in chatroom', 'NotInChatroomError'];

function attributeWrites(forced: boolean): Operation[] {
  const path = forced ? `${ATTRIBUTES_USER}/forced` : ATTRIBUTES_USER;
  const who = forced ? ', also keys other members own' : ' (only keys they own)';
  return (['put', 'delete'] as const satisfies readonly Method[]).map((method) => ({
    method,
    path,
    tag: 'attributes',
    summary: method === 'put' ? `Set attributes as a member${who}` : `Delete attributes as a member${who}`,
    description: 'Per-key refusals are listed in `errorKeys` of an HTTP 200.',
    body:
      method === 'put'
        ? { schema: setRoomAttributesSchema, example: { metaData: { topic: 'cats' }, autoDelete: 'DELETE' } }
        : { schema: deleteRoomAttributesSchema, example: { keys: ['topic'] } },
    response: enveloped(
      method,
      path,
      { schema: attributeKeysResult, example: { successKeys: ['topic'], errorKeys: {} } },
      { status: method === 'delete' },
    ),
    errorExamples: { 401: NOT_IN_ROOM, 404: ROOM_404 },
  }));
}

/** Mutes (§5.4), blocklist (§5.5), allowlist (§5.6), announcement (§5.7), attributes (§5.8). */
export const moderationOperations: readonly Operation[] = [
  ...muteOperations,
  ...userListOperations('blocklist', 'blocks', 'add_blocks', 'remove_blocks', true),
  ...userListOperations('allowlist', 'white', 'add_user_whitelist', 'remove_user_whitelist', false),
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
      summary: method === 'post' ? 'Set the announcement' : 'Set the announcement (PUT, as an older reference table says)',
      description: 'At most 512 characters; an empty string clears it.',
      body: { schema: setAnnouncementSchema, example: { announcement: 'welcome' } },
      response: enveloped(method, `${ROOM}/announcement`, {
        schema: z.strictObject({ id: z.string(), result: z.literal(true) }),
        example: { id: '100000000000001', result: true },
      }),
      errorExamples: { 403: ['forbidden_op', 'announce info length exceeds limit!', 'AnnouncementTooLongError'], 404: ROOM_404 },
    }),
  ),
  ...attributeWrites(false),
  ...attributeWrites(true),
  {
    method: 'post',
    path: '/{org}/{app}/metadata/chatroom/{id}',
    tag: 'attributes',
    summary: 'Read attributes',
    description: 'No `keys` (or an empty list) reads every attribute.',
    body: { schema: getRoomAttributesSchema, example: { keys: ['topic'] } },
    response: enveloped('post', '/{org}/{app}/metadata/chatroom/{id}', {
      schema: z.record(z.string(), z.string()),
      example: { topic: 'cats' },
    }),
    errorExamples: { 404: ROOM_404 },
  },
];
