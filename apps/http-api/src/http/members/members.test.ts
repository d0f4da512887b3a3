import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRoom, errorRow, registerMany, registerUsers } from '../../testing/fixtures.js';
import { startTestService, type TestService } from '../../testing/http-harness.js';

let svc: TestService;
beforeAll(async () => {
  svc = await startTestService();
  await registerUsers(svc, 'olive', 'amy', 'ben', 'cal', 'dee');
});
afterAll(() => svc.close());

/** A service whose users may join one room, where `capped` owns one already; returns a room of `olive`. */
async function withCappedUser(test: (capSvc: TestService, roomId: string) => Promise<void>): Promise<void> {
  const capSvc = await startTestService({ settings: { joinedRoomCap: 1 } });
  try {
    await registerUsers(capSvc, 'olive', 'amy', 'capped');
    await createRoom(capSvc, 'capped');
    await test(capSvc, await createRoom(capSvc, 'olive'));
  } finally {
    await capSvc.close();
  }
}

const path = (id: string, rest = '') => svc.appPath(`/chatrooms/${id}/users${rest}`);
const members = async (id: string) => (await svc.call('GET', path(id))).body.data;
const INVALID = (description: string) => ({ status: 400, error: 'invalid_parameter', error_description: description });
const ROOM_404 = (id: string) => ({
  status: 404,
  error: 'resource_not_found',
  error_description: `grpID ${id} does not exist!`,
});
const USER_404 = (u: string) => ({
  status: 404,
  error: 'resource_not_found',
  error_description: `username ${u} doesn't exist!`,
});
const NOT_MEMBERS = (list: string) => ({
  status: 400,
  error: 'forbidden_op',
  error_description: `users [${list}] are not members of this group!`,
});

describe('GET /{org}/{app}/chatrooms/{id}/users', () => {
  it('lists the owner first, then members in join order, with count and params', async () => {
    const id = await createRoom(svc, 'olive', { members: ['cal', 'amy'] });
    await svc.call('POST', path(id, '/ben'));
    const response = await svc.call('GET', path(id));
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ action: 'get', count: 4, params: {}, entities: [] });
    expect(response.body.data).toEqual([{ owner: 'olive' }, { member: 'cal' }, { member: 'amy' }, { member: 'ben' }]);
  });

  it('pages with pagenum and pagesize, echoed in params', async () => {
    const id = await createRoom(svc, 'olive', { members: ['amy', 'ben', 'cal'] });
    const second = await svc.call('GET', path(id, '?pagenum=2&pagesize=2'));
    expect(second.body).toMatchObject({ count: 2, params: { pagenum: ['2'], pagesize: ['2'] } });
    expect(second.body.data).toEqual([{ member: 'ben' }, { member: 'cal' }]);
    expect((await svc.call('GET', path(id, '?pagenum=3&pagesize=2'))).body.data).toEqual([]);
    expect((await svc.call('GET', path(id, '?pagesize=5000'))).body.count).toBe(4);
  });

  it.each(['0', '-1', 'x', '1.5'])('pagesize=%s → 400 invalid_parameter', async (value) => {
    const id = await createRoom(svc, 'olive');
    expect(errorRow(await svc.call('GET', path(id, `?pagesize=${value}`)))).toEqual(
      INVALID('pagesize must be a positive integer'),
    );
  });

  it('another verb → 405 with the verbs the path has', async () => {
    const response = await svc.call('PUT', path('1'));
    expect(errorRow(response)).toMatchObject({ status: 405, error: 'method_not_allowed' });
    expect(response.headers.get('allow')).toBe('HEAD, GET, POST');
  });

  it('an unknown room → 404 service_resource_not_found', async () => {
    expect(errorRow(await svc.call('GET', path('999999')))).toEqual({
      status: 404,
      error: 'service_resource_not_found',
      error_description: 'do not find this group:999999',
    });
  });
});

describe('POST /{org}/{app}/chatrooms/{id}/users/{username}', () => {
  it('adds one member: data {result, action, id, user}, the id lower-cased', async () => {
    const id = await createRoom(svc, 'olive');
    const response = await svc.call('POST', path(id, '/AMY'));
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ action: 'post', entities: [] });
    expect(response.body.data).toEqual({ result: true, action: 'add_member', id, user: 'amy' });
    expect(await members(id)).toEqual([{ owner: 'olive' }, { member: 'amy' }]);
  });

  it('adding someone already in the room (the owner too) succeeds and changes nothing', async () => {
    const id = await createRoom(svc, 'olive', { members: ['amy'] });
    expect((await svc.call('POST', path(id, '/amy'))).body.data).toMatchObject({ result: true, user: 'amy' });
    expect((await svc.call('POST', path(id, '/olive'))).status).toBe(200);
    expect(await members(id)).toEqual([{ owner: 'olive' }, { member: 'amy' }]);
  });

  it('a body is ignored, JSON or not (the endpoint takes none)', async () => {
    const id = await createRoom(svc, 'olive');
    expect((await svc.call('POST', path(id, '/amy'), { body: {} })).status).toBe(200);
    const text = await svc.call('POST', path(id, '/ben'), { body: 'x', headers: { 'content-type': 'text/plain' } });
    expect(text.status).toBe(200);
    expect(await members(id)).toEqual([{ owner: 'olive' }, { member: 'amy' }, { member: 'ben' }]);
  });

  it('a full room → 403 exceed_limit', async () => {
    const id = await createRoom(svc, 'olive', { members: ['amy'], maxusers: 2 });
    expect(errorRow(await svc.call('POST', path(id, '/ben')))).toEqual({
      status: 403,
      error: 'exceed_limit',
      error_description: 'members size is greater than max user size !',
    });
  });

  it('a user at the joined-room cap → 403 exceeded_limit', async () => {
    await withCappedUser(async (capSvc, id) => {
      const response = await capSvc.call('POST', capSvc.appPath(`/chatrooms/${id}/users/capped`));
      expect(errorRow(response)).toEqual({
        status: 403,
        error: 'exceeded_limit',
        error_description: 'can not join this group, reason:user capped has joined too many chatrooms!',
      });
    });
  });

  it('a blocklisted user → 403 forbidden_op', async () => {
    const id = await createRoom(svc, 'olive', { members: ['amy'] });
    await svc.call('POST', svc.appPath(`/chatrooms/${id}/blocks/users/amy`));
    expect(errorRow(await svc.call('POST', path(id, '/amy')))).toEqual({
      status: 403,
      error: 'forbidden_op',
      error_description: `user amy is in the blocklist of chatroom ${id}`,
    });
  });

  it.each([
    ['an unknown user', '/ghost', USER_404('ghost')],
    [
      'an illegal user id',
      '/no%20way',
      { status: 400, error: 'illegal_argument', error_description: 'username no way is not legal' },
    ],
  ])('%s → refused', async (_, rest, row) => {
    const id = await createRoom(svc, 'olive');
    expect(errorRow(await svc.call('POST', path(id, rest)))).toEqual(row);
    expect(await members(id)).toEqual([{ owner: 'olive' }]);
  });

  it('an unknown room → 404 resource_not_found', async () => {
    expect(errorRow(await svc.call('POST', path('999999', '/amy')))).toEqual(ROOM_404('999999'));
  });
});

describe('POST /{org}/{app}/chatrooms/{id}/users (batch)', () => {
  const add = (id: string, body: unknown) => svc.call('POST', path(id), { body });

  it('adds the users: data {newmembers, action, id}, members already present included', async () => {
    const id = await createRoom(svc, 'olive', { members: ['amy'] });
    const response = await add(id, { usernames: ['Ben', 'amy', 'cal'] });
    expect(response.status).toBe(200);
    expect(response.body.data).toEqual({ newmembers: ['ben', 'amy', 'cal'], action: 'add_member', id });
    expect(await members(id)).toEqual([{ owner: 'olive' }, { member: 'amy' }, { member: 'ben' }, { member: 'cal' }]);
  });

  it('takes 100 users at once', async () => {
    const many = await registerMany(svc, 'hundred', 100);
    const id = await createRoom(svc, 'olive');
    expect((await add(id, { usernames: many })).body.data.newmembers).toHaveLength(100);
  });

  it.each(
    [
      ['no usernames', {}, INVALID('usernames must be provided')],
      ['usernames null', { usernames: null }, INVALID('usernames must be provided')],
      ['usernames a string', { usernames: 'amy' }, INVALID('usernames must be an array')],
      ['a username a number', { usernames: ['amy', 7] }, INVALID('usernames[1] must be a string')],
      ['an empty list', { usernames: [] }, INVALID('usernames must contain at least one user')],
      [
        '101 users',
        { usernames: Array.from({ length: 101 }, (_, i) => `u${i}`) },
        INVALID('addMembers: addMembers number more than maxSize : 100'),
      ],
      ['a body that is an array', ['amy'], INVALID('request body must be a JSON object')],
      ['an unknown user among known ones', { usernames: ['amy', 'ghost', 'ben'] }, USER_404('ghost')],
    ].map(([label, body, row]) => ({ label, body, row })),
  )('$label → refused, nobody added', async ({ body, row }) => {
    const id = await createRoom(svc, 'olive');
    expect(errorRow(await add(id, body))).toEqual(row);
    expect(await members(id)).toEqual([{ owner: 'olive' }]);
  });

  it('additions over maxusers → 403 exceed_limit, nobody added (all or nothing)', async () => {
    const id = await createRoom(svc, 'olive', { maxusers: 3 });
    expect(errorRow(await add(id, { usernames: ['amy', 'ben', 'cal'] }))).toEqual({
      status: 403,
      error: 'exceed_limit',
      error_description: 'members size is greater than max user size !',
    });
    expect(await members(id)).toEqual([{ owner: 'olive' }]);
  });

  it('a user at the joined-room cap → 403 exceeded_limit, nobody added', async () => {
    await withCappedUser(async (capSvc, id) => {
      const usersPath = capSvc.appPath(`/chatrooms/${id}/users`);
      const response = await capSvc.call('POST', usersPath, { body: { usernames: ['amy', 'capped'] } });
      expect(errorRow(response)).toEqual({
        status: 403,
        error: 'exceeded_limit',
        error_description: 'can not join this group, reason:user capped has joined too many chatrooms!',
      });
      expect((await capSvc.call('GET', usersPath)).body.data).toEqual([{ owner: 'olive' }]);
    });
  });

  it('a body that is not JSON → 415', async () => {
    const id = await createRoom(svc, 'olive');
    const response = await svc.call('POST', path(id), {
      body: 'usernames=amy',
      headers: { 'content-type': 'text/plain' },
    });
    expect(errorRow(response)).toMatchObject({ status: 415, error: 'unsupported_media_type' });
  });

  it('an unknown room → 404 resource_not_found', async () => {
    expect(errorRow(await add('999999', { usernames: ['amy'] }))).toEqual(ROOM_404('999999'));
  });
});

describe('DELETE /{org}/{app}/chatrooms/{id}/users/{username}', () => {
  it('removes one member: data {result, action, user, id}, and with it their admin role', async () => {
    const id = await createRoom(svc, 'olive', { members: ['amy', 'ben'] });
    await svc.call('POST', svc.appPath(`/chatrooms/${id}/admin`), { body: { newadmin: 'amy' } });
    const response = await svc.call('DELETE', path(id, '/Amy'));
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ action: 'delete' });
    expect(response.body.data).toEqual({ result: true, action: 'remove_member', user: 'amy', id });
    expect(await members(id)).toEqual([{ owner: 'olive' }, { member: 'ben' }]);
    expect((await svc.call('GET', svc.appPath(`/chatrooms/${id}/admin`))).body.data).toEqual([]);
  });

  it.each([
    ['a non-member', 'cal', NOT_MEMBERS('cal')],
    ['an unknown user', 'ghost', USER_404('ghost')],
  ])('%s → refused', async (_, user, row) => {
    const id = await createRoom(svc, 'olive', { members: ['amy'] });
    expect(errorRow(await svc.call('DELETE', path(id, `/${user}`)))).toEqual(row);
  });

  it('the owner → 403 forbidden_op, and the owner stays', async () => {
    const id = await createRoom(svc, 'olive', { members: ['amy'] });
    expect(errorRow(await svc.call('DELETE', path(id, '/olive')))).toEqual({
      status: 403,
      error: 'forbidden_op',
      error_description: `can not remove the owner of chatroom ${id}`,
    });
    expect(await members(id)).toEqual([{ owner: 'olive' }, { member: 'amy' }]);
  });

  it('an unknown room → 404 resource_not_found', async () => {
    expect(errorRow(await svc.call('DELETE', path('999999', '/amy')))).toEqual(ROOM_404('999999'));
  });
});

describe('DELETE /{org}/{app}/chatrooms/{id}/users/{u1,u2,…} (batch)', () => {
  it('gives each user a result: non-members, unknown users and the owner fail with a reason; the others leave', async () => {
    const id = await createRoom(svc, 'olive', { members: ['amy', 'ben', 'cal'] });
    const response = await svc.call('DELETE', path(id, '/amy%2Cdee,ghost,OLIVE,cal'));
    expect(response.status).toBe(200);
    expect(response.body.data).toEqual([
      { result: true, action: 'remove_member', user: 'amy', id },
      { result: false, action: 'remove_member', reason: `user: dee doesn't exist in group: ${id}`, user: 'dee', id },
      { result: false, action: 'remove_member', reason: "user ghost doesn't exist", user: 'ghost', id },
      {
        result: false,
        action: 'remove_member',
        reason: `can not remove the owner of chatroom ${id}`,
        user: 'olive',
        id,
      },
      { result: true, action: 'remove_member', user: 'cal', id },
    ]);
    expect(await members(id)).toEqual([{ owner: 'olive' }, { member: 'ben' }]);
  });

  it('a comma selects the batch form even for one user (an array answers)', async () => {
    const id = await createRoom(svc, 'olive', { members: ['amy'] });
    const response = await svc.call('DELETE', path(id, '/amy,'));
    expect(response.body.data).toEqual([{ result: true, action: 'remove_member', user: 'amy', id }]);
  });

  it('61 users → 400 invalid_parameter, nobody removed', async () => {
    const id = await createRoom(svc, 'olive', { members: ['amy'] });
    const list = ['amy', ...Array.from({ length: 60 }, (_, i) => `x${i}`)].join(',');
    expect(errorRow(await svc.call('DELETE', path(id, `/${list}`)))).toEqual(
      INVALID('kickMember: kickMembers number more than maxSize : 60'),
    );
    expect(await members(id)).toEqual([{ owner: 'olive' }, { member: 'amy' }]);
  });

  it('an unknown room → 404 resource_not_found', async () => {
    expect(errorRow(await svc.call('DELETE', path('999999', '/amy,ben')))).toEqual(ROOM_404('999999'));
  });
});
