import * as z from 'zod';
import { enveloped, type ErrorRow, type Method, type Operation } from '../openapi/operation.js';
import { attributeKeysResult } from '../openapi/response-schemas.js';
import { ROOM_404 } from '../openapi/room-examples.js';
import { deleteRoomAttributesSchema, getRoomAttributesSchema, setRoomAttributesSchema } from './schemas.js';

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

/** Room attributes (§5.8). */
export const roomAttributeOperations: readonly Operation[] = [
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
