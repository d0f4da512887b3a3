import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRoom, errorRow, registerMany, registerUsers } from '../../testing/fixtures.js';
import { startTestService, type TestService } from '../../testing/http-harness.js';

let svc: TestService;
beforeAll(async () => {
  svc = await startTestService();
  await registerUsers(svc, 'olive', 'amy', 'ben', 'cal');
});
afterAll(() => svc.close());

const path = (id: string, rest = '') => svc.appPath(`/chatrooms/${id}/admin${rest}`);
const promote = (id: string, body: unknown) => svc.call('POST', path(id), { body });
const admins = async (id: string) => (await svc.call('GET', path(id))).body.data;
const INVALID = (description: string) => ({ status: 400, error: 'invalid_parameter', error_description: description });
const ROOM_404 = { status: 404, error: 'resource_not_found', error_description: 'grpID 999999 does not exist!' };
const GHOST_404 = { status: 404, error: 'resource_not_found', error_description: "username ghost doesn't exist!" };

describe('GET /{org}/{app}/chatrooms/{id}/admin', () => {
  it('lists the admins as ids, with count; the owner is not one', async () => {
    const id = await createRoom(svc, 'olive', { members: ['amy', 'ben', 'cal'] });
    await promote(id, { newadmin: 'cal' });
    await promote(id, { newadmin: 'amy' });
    const response = await svc.call('GET', path(id));
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ action: 'get', count: 2 });
    expect([...response.body.data].sort()).toEqual(['amy', 'cal']);
  });

  it('an unknown room → 404 resource_not_found', async () => {
    expect(errorRow(await svc.call('GET', path('999999')))).toEqual(ROOM_404);
  });
});

describe('POST /{org}/{app}/chatrooms/{id}/admin', () => {
  it('promotes a member: data {result: "success", newadmin}, the id lower-cased; again succeeds', async () => {
    const id = await createRoom(svc, 'olive', { members: ['amy'] });
    const response = await promote(id, { newadmin: 'AMY' });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ action: 'post', data: { result: 'success', newadmin: 'amy' } });
    expect(await admins(id)).toEqual(['amy']);
    expect((await promote(id, { newadmin: 'amy' })).body.data).toEqual({ result: 'success', newadmin: 'amy' });
    expect(await admins(id)).toEqual(['amy']);
  });

  it.each(
    [
      ['no newadmin', {}, INVALID('newadmin must be provided')],
      ['newadmin a number', { newadmin: 5 }, INVALID('newadmin must be a string')],
      [
        'a non-member',
        { newadmin: 'ben' },
        { status: 400, error: 'forbidden_op', error_description: 'users [ben] are not members of this group!' },
      ],
      ['an unknown user', { newadmin: 'ghost' }, GHOST_404],
    ].map(([label, body, row]) => ({ label, body, row })),
  )('$label → refused', async ({ body, row }) => {
    const id = await createRoom(svc, 'olive', { members: ['amy'] });
    expect(errorRow(await promote(id, body))).toEqual(row);
    expect(await admins(id)).toEqual([]);
  });

  it('the owner → 400 forbidden_op', async () => {
    const id = await createRoom(svc, 'olive');
    expect(errorRow(await promote(id, { newadmin: 'olive' }))).toEqual({
      status: 400,
      error: 'forbidden_op',
      error_description: `the owner of chatroom ${id} can not be an admin`,
    });
  });

  it('the 100th admin → 403 exceed_limit; 99 are allowed', async () => {
    const users = await registerMany(svc, 'adm', 100);
    const id = await createRoom(svc, 'olive', { members: users });
    for (const user of users.slice(0, 99)) expect((await promote(id, { newadmin: user })).status).toBe(200);
    expect(errorRow(await promote(id, { newadmin: users[99] }))).toEqual({
      status: 403,
      error: 'exceed_limit',
      error_description: `the number of admins of chatroom ${id} has reached the limit of 99`,
    });
    expect(await admins(id)).toHaveLength(99);
  });

  it('an unknown room → 404 resource_not_found', async () => {
    expect(errorRow(await promote('999999', { newadmin: 'amy' }))).toEqual(ROOM_404);
  });
});

describe('DELETE /{org}/{app}/chatrooms/{id}/admin/{oldadmin}', () => {
  it('demotes an admin to member: data {result: "success", oldadmin}', async () => {
    const id = await createRoom(svc, 'olive', { members: ['amy'] });
    await promote(id, { newadmin: 'amy' });
    const response = await svc.call('DELETE', path(id, '/Amy'));
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ action: 'delete', data: { result: 'success', oldadmin: 'amy' } });
    expect(await admins(id)).toEqual([]);
    const members = await svc.call('GET', svc.appPath(`/chatrooms/${id}/users`));
    expect(members.body.data).toEqual([{ owner: 'olive' }, { member: 'amy' }]);
  });

  it.each([
    ['a member who is not an admin', 'amy'],
    ['a non-member', 'ben'],
    ['the owner', 'olive'],
  ])('%s → 400 forbidden_op', async (_, user) => {
    const id = await createRoom(svc, 'olive', { members: ['amy'] });
    expect(errorRow(await svc.call('DELETE', path(id, `/${user}`)))).toEqual({
      status: 400,
      error: 'forbidden_op',
      error_description: `user ${user} is not an admin of chatroom ${id}`,
    });
  });

  it('an unknown user → 404 resource_not_found', async () => {
    const id = await createRoom(svc, 'olive');
    expect(errorRow(await svc.call('DELETE', path(id, '/ghost')))).toEqual(GHOST_404);
  });

  it('an unknown room → 404 resource_not_found', async () => {
    expect(errorRow(await svc.call('DELETE', path('999999', '/amy')))).toEqual(ROOM_404);
  });
});
