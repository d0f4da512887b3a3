import * as z from 'zod';
import { promoteAdminSchema } from '../admins/schemas.js';
import { pageQuery } from '../route-kit/fields.js';
import { addSuperAdminSchema } from '../super-admins/schemas.js';
import { usernamesSchema } from '../route-kit/usernames.js';
import { enveloped, type ErrorRow, type Operation } from '../openapi/operation.js';
import { affiliation, userResult } from '../openapi/response-schemas.js';

const ROOM = '/{org}/{app}/chatrooms/{id}';
const ROOM_404: ErrorRow = ['resource_not_found', 'grpID 100000000000001 does not exist!', 'ChatroomNotFoundError'];
const USER_404: ErrorRow = ['resource_not_found', "username alice doesn't exist!", 'UserNotFoundError'];
const usernames = z.array(z.string());

/** Members (§5.1), admins (§5.2) and super admins (§5.3). */
export const memberOperations: readonly Operation[] = [
  {
    method: 'get',
    path: `${ROOM}/users`,
    tag: 'members',
    summary: 'List members, owner first',
    query: pageQuery,
    response: enveloped('get', `${ROOM}/users`, { schema: z.array(affiliation), example: [{ owner: 'alice' }, { member: 'bob' }] }, { list: true }),
    errorExamples: { 404: ROOM_404 },
  },
  {
    method: 'post',
    path: `${ROOM}/users/{username}`,
    tag: 'members',
    summary: 'Add one member',
    response: enveloped('post', `${ROOM}/users/{username}`, {
      schema: z.strictObject({ result: z.literal(true), action: z.literal('add_member'), id: z.string(), user: z.string() }),
      example: { result: true, action: 'add_member', id: '100000000000001', user: 'alice' },
    }),
    errorExamples: { 403: ['forbidden_op', 'user alice is in the blocklist of chatroom 100000000000001', 'UserBlockedError'], 404: USER_404 },
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
        z.strictObject({ result: z.literal(true), action: z.literal('remove_member'), user: z.string(), id: z.string() }),
        z.array(userResult('id')),
      ]),
      example: [
        { result: true, action: 'remove_member', user: 'alice', id: '100000000000001' },
        { result: false, action: 'remove_member', reason: "user: bob doesn't exist in group: 100000000000001", user: 'bob', id: '100000000000001' },
      ],
    }),
    errorExamples: { 403: ['forbidden_op', 'can not remove the owner of chatroom 100000000000001', 'RemoveOwnerError'], 404: ROOM_404 },
  },
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
      403: ['exceed_limit', 'the number of admins of chatroom 100000000000001 has reached the limit of 99', 'AdminLimitReachedError'],
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
    errorExamples: { 400: ['forbidden_op', 'user alice is not an admin of chatroom 100000000000001', 'NotAdminError'], 404: ROOM_404 },
  },
  {
    method: 'get',
    path: '/{org}/{app}/chatrooms/super_admin',
    tag: 'super admins',
    summary: 'List super admins',
    query: pageQuery,
    response: enveloped('get', '/{org}/{app}/chatrooms/super_admin', { schema: usernames, example: ['alice'] }, {
      list: true,
      params: { pagenum: ['1'], pagesize: ['10'] },
    }),
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
