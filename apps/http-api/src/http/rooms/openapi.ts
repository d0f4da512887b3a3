import * as z from 'zod';
import {
  createChatroomSchema,
  listChatroomsQuery,
  modifyChatroomSchema,
  transferChatroomSchema,
} from './schemas.js';
import { pageQuery } from '../route-kit/fields.js';
import { tokenRequestSchema } from '../token/schemas.js';
import { registerUserSchema, registerUsersSchema } from '../users/schemas.js';
import { enveloped, type Operation } from '../openapi/operation.js';
import { roomDetails, roomSummary } from '../openapi/response-schemas.js';

const user = (username: string) => ({
  uuid: '4759aa70-eba5-11e8-925f-6fa0510823ba',
  type: 'user',
  created: 1764374400000,
  modified: 1764374400000,
  username,
  activated: true,
});

const detailsExample = {
  id: '100000000000001',
  name: 'lobby',
  description: 'say hi',
  membersonly: false,
  allowinvites: false,
  maxusers: 100,
  owner: 'alice',
  created: 1764374400000,
  custom: '',
  mute: false,
  affiliations_count: 2,
  affiliations: [{ owner: 'alice' }, { member: 'bob' }],
  public: true,
};

/** Tokens, users and the seven room operations. */
export const roomOperations: readonly Operation[] = [
  {
    method: 'post',
    path: '/{org}/{app}/token',
    tag: 'tokens',
    summary: 'Get an app token',
    description: '`ttl` in seconds; absent → 7 days, `0` → the longest allowed. The answer is a bare object (no envelope).',
    public: true,
    body: {
      schema: tokenRequestSchema,
      example: { grant_type: 'client_credentials', client_id: 'YXA6e5e842ae897b4f10afd901610ab15c6c', client_secret: 'qCdk8hSTagguXjPm', ttl: 3600 },
    },
    response: {
      schema: z.strictObject({ access_token: z.string(), expires_in: z.int(), application: z.string() }).meta({ id: 'AppToken' }),
      example: { access_token: 'eyJhbGciOiJIUzI1NiJ9.e30.sig', expires_in: 3600, application: '8be024f0-e978-11e8-b697-5d598d5f8402' },
    },
    errorExamples: { 400: ['invalid_grant', 'client_secret does not match', 'ClientSecretMismatchError'] },
  },
  {
    method: 'post',
    path: '/{org}/{app}/users',
    tag: 'users',
    summary: 'Register one user, or up to 60',
    description: 'One object, or an array of up to 60. Created users are in `entities`; per-user failures in `data` (still HTTP 200).',
    body: {
      schema: z.union([registerUserSchema, registerUsersSchema]),
      example: [{ username: 'alice', password: 'pw1' }, { username: 'bob', password: 'pw2', nickname: 'Bob' }],
    },
    response: enveloped(
      'post',
      '/{org}/{app}/users',
      {
        schema: z.array(z.strictObject({ username: z.string(), registerUserFailReason: z.string() })),
        example: [],
      },
      { users: true, entities: [user('alice'), { ...user('bob'), nickname: 'Bob' }] },
    ),
    errorExamples: { 400: ['duplicate_unique_property_exists', 'Application app Entity user requires that property named username be unique, value of alice exists', 'UserAlreadyExistsError'] },
  },
  ...(['get', 'delete'] as const).map(
    (method): Operation => ({
      method,
      path: '/{org}/{app}/users/{username}',
      tag: 'users',
      summary: method === 'get' ? 'Get a user' : 'Delete a user',
      ...(method === 'delete' && {
        description: 'Dissolves the rooms the user owns and removes them from every other room, in one transaction.',
      }),
      response: enveloped(method, '/{org}/{app}/users/{username}', { schema: z.array(z.unknown()).max(0), example: [] }, {
        users: true,
        list: method === 'get',
        entities: [user('alice')],
      }),
      errorExamples: { 404: ['service_resource_not_found', 'Service resource not found', 'UserResourceNotFoundError'] },
    }),
  ),
  {
    method: 'get',
    path: '/{org}/{app}/chatrooms',
    tag: 'rooms',
    summary: 'List rooms, newest first',
    description: 'Keyset paging: pass the `cursor` of the previous page. `limit` is clamped to 1000.',
    query: listChatroomsQuery,
    response: enveloped(
      'get',
      '/{org}/{app}/chatrooms',
      { schema: z.array(roomSummary), example: [{ id: '100000000000001', name: 'lobby', owner: 'alice', affiliations_count: 2 }] },
      { list: true, cursor: true, params: { limit: ['10'] } },
    ),
    errorExamples: { 400: ['invalid_parameter', 'cursor is invalid', 'InvalidCursorError'] },
  },
  {
    method: 'get',
    path: '/{org}/{app}/users/{username}/joined_chatrooms',
    tag: 'rooms',
    summary: 'List the rooms a user is in, newest join first',
    query: pageQuery,
    response: enveloped(
      'get',
      '/{org}/{app}/users/{username}/joined_chatrooms',
      {
        schema: z.array(z.strictObject({ id: z.string(), name: z.string(), disabled: z.literal('false') })),
        example: [{ id: '100000000000001', name: 'lobby', disabled: 'false' }],
      },
      { list: true },
    ),
    errorExamples: { 404: ['service_resource_not_found', 'Service resource not found', 'UserResourceNotFoundError'] },
  },
  {
    method: 'get',
    path: '/{org}/{app}/chatrooms/{ids}',
    tag: 'rooms',
    summary: 'Get the details of up to 100 rooms',
    description: 'A comma list of ids (`,` or `%2C`); the answer keeps their order.',
    response: enveloped('get', '/{org}/{app}/chatrooms/{ids}', { schema: z.array(roomDetails), example: [detailsExample] }, { list: true }),
    errorExamples: { 404: ['service_resource_not_found', 'do not find this group:100000000000002', 'ChatroomsNotFoundError'] },
  },
  {
    method: 'post',
    path: '/{org}/{app}/chatrooms',
    tag: 'rooms',
    summary: 'Create a room',
    body: {
      schema: createChatroomSchema,
      example: { name: 'lobby', description: 'say hi', maxusers: 100, owner: 'alice', members: ['bob', 'carol'] },
    },
    response: enveloped('post', '/{org}/{app}/chatrooms', {
      schema: z.strictObject({ id: z.string() }),
      example: { id: '100000000000001' },
    }),
    errorExamples: { 404: ['resource_not_found', "username carol doesn't exist!", 'UserNotFoundError'] },
  },
  {
    method: 'put',
    path: '/{org}/{app}/chatrooms/{id}',
    tag: 'rooms',
    summary: 'Modify a room, or transfer it',
    description: 'Any of `name`, `description`, `maxusers` modifies; `newowner` alone transfers the room to that member.',
    body: { schema: z.union([modifyChatroomSchema, transferChatroomSchema]), example: { name: 'main lobby', maxusers: 200 } },
    response: enveloped('put', '/{org}/{app}/chatrooms/{id}', {
      schema: z.union([
        z.strictObject({ groupname: z.boolean().optional(), description: z.boolean().optional(), maxusers: z.boolean().optional() }),
        z.strictObject({ newowner: z.literal(true) }),
      ]),
      example: { groupname: true, maxusers: true },
    }),
    errorExamples: { 404: ['resource_not_found', 'grpID 100000000000001 does not exist!', 'ChatroomNotFoundError'] },
  },
  {
    method: 'delete',
    path: '/{org}/{app}/chatrooms/{id}',
    tag: 'rooms',
    summary: 'Dissolve a room',
    response: enveloped('delete', '/{org}/{app}/chatrooms/{id}', {
      schema: z.strictObject({ success: z.literal(true), id: z.string() }),
      example: { success: true, id: '100000000000001' },
    }),
    errorExamples: { 404: ['resource_not_found', 'grpID 100000000000001 does not exist!', 'ChatroomNotFoundError'] },
  },
];
