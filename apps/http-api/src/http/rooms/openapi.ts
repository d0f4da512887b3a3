import * as z from 'zod';
import { createChatroomSchema, listChatroomsQuery, modifyChatroomSchema, transferChatroomSchema } from './schemas.js';
import { pageQuery } from '../route-kit/fields.js';
import { enveloped, type Operation } from '../openapi/operation.js';
import { roomDetails, roomSummary } from '../openapi/response-schemas.js';

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

/** The room operations (§4). */
export const roomOperations: readonly Operation[] = [
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
      {
        schema: z.array(roomSummary),
        example: [{ id: '100000000000001', name: 'lobby', owner: 'alice', affiliations_count: 2 }],
      },
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
    response: enveloped(
      'get',
      '/{org}/{app}/chatrooms/{ids}',
      { schema: z.array(roomDetails), example: [detailsExample] },
      { list: true },
    ),
    errorExamples: {
      404: ['service_resource_not_found', 'do not find this group:100000000000002', 'ChatroomsNotFoundError'],
    },
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
    description:
      'Any of `name`, `description`, `maxusers` modifies; `newowner` alone transfers the room to that member.',
    body: {
      schema: z.union([modifyChatroomSchema, transferChatroomSchema]),
      example: { name: 'main lobby', maxusers: 200 },
    },
    response: enveloped('put', '/{org}/{app}/chatrooms/{id}', {
      schema: z.union([
        z.strictObject({
          groupname: z.boolean().optional(),
          description: z.boolean().optional(),
          maxusers: z.boolean().optional(),
        }),
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
