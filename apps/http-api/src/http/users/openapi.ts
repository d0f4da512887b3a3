import * as z from 'zod';
import { enveloped, type Operation } from '../openapi/operation.js';
import { registerUserSchema, registerUsersSchema } from './schemas.js';

const user = (username: string) => ({
  uuid: '4759aa70-eba5-11e8-925f-6fa0510823ba',
  type: 'user',
  created: 1764374400000,
  modified: 1764374400000,
  username,
  activated: true,
});

/** Registering, reading and deleting users (§3). */
export const userOperations: readonly Operation[] = [
  {
    method: 'post',
    path: '/{org}/{app}/users',
    tag: 'users',
    summary: 'Register one user, or up to 60',
    description:
      'One object, or an array of up to 60. Created users are in `entities`; per-user failures in `data` (still HTTP 200).',
    body: {
      schema: z.union([registerUserSchema, registerUsersSchema]),
      example: [
        { username: 'alice', password: 'pw1' },
        { username: 'bob', password: 'pw2', nickname: 'Bob' },
      ],
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
    errorExamples: {
      400: [
        'duplicate_unique_property_exists',
        'Application app Entity user requires that property named username be unique, value of alice exists',
        'UserAlreadyExistsError',
      ],
    },
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
      response: enveloped(
        method,
        '/{org}/{app}/users/{username}',
        { schema: z.array(z.unknown()).max(0), example: [] },
        {
          users: true,
          list: method === 'get',
          entities: [user('alice')],
        },
      ),
      errorExamples: { 404: ['service_resource_not_found', 'Service resource not found', 'UserResourceNotFoundError'] },
    }),
  ),
];
