import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRoom, errorRow, registerMany, registerUsers } from '../../testing/fixtures.js';
import { startTestService, type TestService } from '../../testing/http-harness.js';

let svc: TestService;
beforeAll(async () => {
  svc = await startTestService();
  await registerUsers(svc, 'olive', 'amy', 'ban');
});
afterAll(() => svc.close());

const path = (rest = '') => svc.appPath(`/chatrooms/super_admin${rest}`);
const add = (body: unknown) => svc.call('POST', path(), { body });
const list = async (query = '') => (await svc.call('GET', path(query))).body;
const GHOST_404 = { status: 404, error: 'resource_not_found', error_description: "username ghost doesn't exist!" };

describe('POST /{org}/{app}/chatrooms/super_admin', () => {
  it('makes a user a super admin: data {result: "success", resource: ""}; twice succeeds', async () => {
    const response = await add({ superadmin: 'AMY' });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ action: 'post', entities: [], data: { result: 'success', resource: '' } });
    expect((await add({ superadmin: 'amy' })).status).toBe(200);
    expect((await list()).data).toEqual(['amy']);
  });

  it.each(
    [
      [
        'no superadmin',
        {},
        { status: 400, error: 'invalid_parameter', error_description: 'superadmin must be provided' },
      ],
      [
        'superadmin a list',
        { superadmin: ['amy'] },
        { status: 400, error: 'invalid_parameter', error_description: 'superadmin must be a string' },
      ],
      ['an unknown user', { superadmin: 'ghost' }, GHOST_404],
    ].map(([label, body, row]) => ({ label, body, row })),
  )('$label → refused', async ({ body, row }) => {
    expect(errorRow(await add(body))).toEqual(row);
  });
});

describe('GET /{org}/{app}/chatrooms/super_admin', () => {
  it('pages in the order added: pagesize 10 by default, params echoed, count per page', async () => {
    const paged = await startTestService();
    try {
      const users = await registerMany(paged, 'sa', 12);
      for (const superadmin of users)
        await paged.call('POST', paged.appPath('/chatrooms/super_admin'), { body: { superadmin } });
      const first = (await paged.call('GET', paged.appPath('/chatrooms/super_admin'))).body;
      expect(first).toMatchObject({ action: 'get', count: 10, params: {} });
      expect(first.data).toEqual(users.slice(0, 10));
      const last = (await paged.call('GET', paged.appPath('/chatrooms/super_admin?pagenum=3&pagesize=5'))).body;
      expect(last).toMatchObject({ count: 2, params: { pagenum: ['3'], pagesize: ['5'] }, data: users.slice(10) });
    } finally {
      await paged.close();
    }
  });

  it('wins over GET /chatrooms/{ids} (a room id "super_admin" is never looked up)', async () => {
    const response = await svc.call('GET', path());
    expect(response.status).toBe(200);
    expect(Array.isArray(response.body.data)).toBe(true);
  });

  it('pagenum=0 → 400 invalid_parameter', async () => {
    expect(errorRow(await svc.call('GET', path('?pagenum=0')))).toEqual({
      status: 400,
      error: 'invalid_parameter',
      error_description: 'pagenum must be a positive integer',
    });
  });
});

describe('DELETE /{org}/{app}/chatrooms/super_admin/{superAdmin}', () => {
  it('revokes: data {newSuperAdmin, resource: ""}', async () => {
    await add({ superadmin: 'olive' });
    const response = await svc.call('DELETE', path('/Olive'));
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ action: 'delete', data: { newSuperAdmin: 'olive', resource: '' } });
    expect((await list()).data).not.toContain('olive');
  });

  it('wins over DELETE /chatrooms/{id}/ban: the user "ban" is revoked, no room is touched', async () => {
    await add({ superadmin: 'ban' });
    const response = await svc.call('DELETE', path('/ban'));
    expect(response.body.data).toEqual({ newSuperAdmin: 'ban', resource: '' });
    expect((await list()).data).not.toContain('ban');
  });

  it('DELETE /chatrooms/{id}/ban still serves every real room id', async () => {
    const room = await createRoom(svc, 'olive');
    expect((await svc.call('DELETE', svc.appPath(`/chatrooms/${room}/ban`))).body.data).toEqual({ mute: false });
  });

  it('an unknown user → 404 resource_not_found', async () => {
    expect(errorRow(await svc.call('DELETE', path('/ghost')))).toEqual(GHOST_404);
  });
});
