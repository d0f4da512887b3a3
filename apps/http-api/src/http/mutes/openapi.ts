import * as z from 'zod';
import { enveloped, type Operation } from '../openapi/operation.js';
import { NOT_MEMBER, ROOM, ROOM_404 } from '../openapi/room-examples.js';
import { muteMembersSchema } from './schemas.js';

const muteAll = z.strictObject({ mute: z.boolean() });

/** Mutes and mute-all (§5.4). */
export const muteOperations: readonly Operation[] = [
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
      example: [
        { result: true, user: 'alice' },
        { result: true, user: 'bob' },
      ],
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
