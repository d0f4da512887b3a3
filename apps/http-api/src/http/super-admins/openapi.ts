import * as z from 'zod';
import { pageQuery } from '../route-kit/fields.js';
import { enveloped, type Operation } from '../openapi/operation.js';
import { usernames } from '../openapi/response-schemas.js';
import { USER_404 } from '../openapi/room-examples.js';
import { addSuperAdminSchema } from './schemas.js';

/** Super admins (§5.3). */
export const superAdminOperations: readonly Operation[] = [
  {
    method: 'get',
    path: '/{org}/{app}/chatrooms/super_admin',
    tag: 'super admins',
    summary: 'List super admins',
    query: pageQuery,
    response: enveloped(
      'get',
      '/{org}/{app}/chatrooms/super_admin',
      { schema: usernames, example: ['alice'] },
      {
        list: true,
        params: { pagenum: ['1'], pagesize: ['10'] },
      },
    ),
  },
  {
    method: 'post',
    path: '/{org}/{app}/chatrooms/super_admin',
    tag: 'super admins',
    summary: 'Add a super admin',
    body: { schema: addSuperAdminSchema, example: { superadmin: 'alice' } },
    response: enveloped('post', '/{org}/{app}/chatrooms/super_admin', {
      schema: z.strictObject({ result: z.literal('success'), resource: z.literal('') }),
      example: { result: 'success', resource: '' },
    }),
    errorExamples: { 404: USER_404 },
  },
  {
    method: 'delete',
    path: '/{org}/{app}/chatrooms/super_admin/{superAdmin}',
    tag: 'super admins',
    summary: 'Remove a super admin',
    description: 'The key really is `newSuperAdmin`, as in the reference, though it names the removed user.',
    response: enveloped('delete', '/{org}/{app}/chatrooms/super_admin/{superAdmin}', {
      schema: z.strictObject({ newSuperAdmin: z.string(), resource: z.literal('') }),
      example: { newSuperAdmin: 'alice', resource: '' },
    }),
    errorExamples: { 404: USER_404 },
  },
];
