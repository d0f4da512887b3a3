import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRoom, errorRow, registerUsers } from '../../testing/fixtures.js';
import { startTestService, type TestService } from '../../testing/http-harness.js';

let svc: TestService;
beforeAll(async () => {
  svc = await startTestService();
  await registerUsers(svc, 'olive', 'amy', 'ben', 'cal');
});
afterAll(() => svc.close());

const INVALID = (description: string) => ({ status: 400, error: 'invalid_parameter', error_description: description });
const ROOM_404 = { status: 404, error: 'resource_not_found', error_description: 'grpID 999999 does not exist!' };
const GHOST_404 = { status: 404, error: 'resource_not_found', error_description: "username ghost doesn't exist!" };
const NOT_MEMBER = {
  status: 400,
  error: 'forbidden_op',
  error_description: 'users [cal] are not members of this group!',
};
const sixtyOne = () => Array.from({ length: 61 }, (_, i) => `u${i}`);
const members = async (id: string) => (await svc.call('GET', svc.appPath(`/chatrooms/${id}/users`))).body.data;

describe('the blocklist, /{org}/{app}/chatrooms/{id}/blocks/users', () => {
  const path = (id: string, rest = '') => svc.appPath(`/chatrooms/${id}/blocks/users${rest}`);
  const blocked = async (id: string) => (await svc.call('GET', path(id))).body.data;

  it('GET lists the blocked ids with count', async () => {
    const id = await createRoom(svc, 'olive', { members: ['amy', 'ben'] });
    await svc.call('POST', path(id, '/ben'));
    await svc.call('POST', path(id, '/amy'));
    const response = await svc.call('GET', path(id));
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ action: 'get', count: 2, data: ['ben', 'amy'] });
  });

  it('POST …/{username} blocks one member: data {result, action, user, chatroomid}; they leave the room and cannot rejoin', async () => {
    const id = await createRoom(svc, 'olive', { members: ['amy', 'ben'] });
    const response = await svc.call('POST', path(id, '/AMY'));
    expect(response.status).toBe(200);
    expect(response.body.data).toEqual({ result: true, action: 'add_blocks', user: 'amy', chatroomid: id });
    expect(await members(id)).toEqual([{ owner: 'olive' }, { member: 'ben' }]);
    expect((await svc.call('POST', svc.appPath(`/chatrooms/${id}/users/amy`))).status).toBe(403);
  });

  it('POST …/{username} with the owner → 403 forbidden_op', async () => {
    const id = await createRoom(svc, 'olive');
    expect(errorRow(await svc.call('POST', path(id, '/olive')))).toEqual({
      status: 403,
      error: 'forbidden_op',
      error_description: `can not block the owner of chatroom ${id}`,
    });
  });

  it('POST with {usernames} blocks a batch: one item each, failures with a reason', async () => {
    const id = await createRoom(svc, 'olive', { members: ['amy', 'ben'] });
    const response = await svc.call('POST', path(id), { body: { usernames: ['amy', 'cal', 'olive', 'ghost', 'ben'] } });
    expect(response.status).toBe(200);
    expect(response.body.data).toEqual([
      { result: true, action: 'add_blocks', user: 'amy', chatroomid: id },
      {
        result: false,
        action: 'add_blocks',
        reason: `user: cal doesn't exist in chatroom: ${id}`,
        user: 'cal',
        chatroomid: id,
      },
      {
        result: false,
        action: 'add_blocks',
        reason: `can not block the owner of chatroom ${id}`,
        user: 'olive',
        chatroomid: id,
      },
      { result: false, action: 'add_blocks', reason: "user ghost doesn't exist", user: 'ghost', chatroomid: id },
      { result: true, action: 'add_blocks', user: 'ben', chatroomid: id },
    ]);
    expect(await blocked(id)).toEqual(['amy', 'ben']);
    expect(await members(id)).toEqual([{ owner: 'olive' }]);
  });

  it('DELETE …/{username} unblocks one: data is one object; someone not blocked is result false', async () => {
    const id = await createRoom(svc, 'olive', { members: ['amy'] });
    await svc.call('POST', path(id, '/amy'));
    const response = await svc.call('DELETE', path(id, '/Amy'));
    expect(response.status).toBe(200);
    expect(response.body.data).toEqual({ result: true, action: 'remove_blocks', user: 'amy', chatroomid: id });
    expect(await blocked(id)).toEqual([]);
    expect((await svc.call('DELETE', path(id, '/amy'))).body.data).toEqual({
      result: false,
      action: 'remove_blocks',
      reason: `user amy is not in the blocklist of chatroom ${id}`,
      user: 'amy',
      chatroomid: id,
    });
    expect((await svc.call('POST', svc.appPath(`/chatrooms/${id}/users/amy`))).status).toBe(200);
  });

  it('DELETE …/{u1,u2} unblocks a batch: one item each', async () => {
    const id = await createRoom(svc, 'olive', { members: ['amy', 'ben'] });
    await svc.call('POST', path(id), { body: { usernames: ['amy', 'ben'] } });
    const response = await svc.call('DELETE', path(id, '/amy%2Ccal,ben'));
    expect(response.body.data).toEqual([
      { result: true, action: 'remove_blocks', user: 'amy', chatroomid: id },
      {
        result: false,
        action: 'remove_blocks',
        reason: `user cal is not in the blocklist of chatroom ${id}`,
        user: 'cal',
        chatroomid: id,
      },
      { result: true, action: 'remove_blocks', user: 'ben', chatroomid: id },
    ]);
    expect(await blocked(id)).toEqual([]);
  });
});

describe('the allowlist, /{org}/{app}/chatrooms/{id}/white/users', () => {
  const path = (id: string, rest = '') => svc.appPath(`/chatrooms/${id}/white/users${rest}`);
  const allowed = async (id: string) => (await svc.call('GET', path(id))).body.data;

  it('GET lists explicit entries only (the owner is not listed until added), with count', async () => {
    const id = await createRoom(svc, 'olive', { members: ['amy'] });
    expect((await svc.call('GET', path(id))).body).toMatchObject({ action: 'get', count: 0, data: [] });
    await svc.call('POST', path(id, '/amy'));
    expect(await allowed(id)).toEqual(['amy']);
  });

  it('POST …/{username} allows one member: data {result, action, user, chatroomid}; they stay a member', async () => {
    const id = await createRoom(svc, 'olive', { members: ['amy'] });
    const response = await svc.call('POST', path(id, '/Amy'));
    expect(response.status).toBe(200);
    expect(response.body.data).toEqual({ result: true, action: 'add_user_whitelist', user: 'amy', chatroomid: id });
    expect(await members(id)).toEqual([{ owner: 'olive' }, { member: 'amy' }]);
  });

  it('POST with {usernames} allows a batch: one item each, failures with a reason', async () => {
    const id = await createRoom(svc, 'olive', { members: ['amy'] });
    const response = await svc.call('POST', path(id), { body: { usernames: ['amy', 'cal', 'olive'] } });
    expect(response.body.data).toEqual([
      { result: true, action: 'add_user_whitelist', user: 'amy', chatroomid: id },
      {
        result: false,
        action: 'add_user_whitelist',
        reason: `user: cal doesn't exist in chatroom: ${id}`,
        user: 'cal',
        chatroomid: id,
      },
      { result: true, action: 'add_user_whitelist', user: 'olive', chatroomid: id },
    ]);
    expect(await allowed(id)).toEqual(['amy', 'olive']);
  });

  it('DELETE answers an array, even for one user; someone not on the list is result false', async () => {
    const id = await createRoom(svc, 'olive', { members: ['amy', 'ben'] });
    await svc.call('POST', path(id), { body: { usernames: ['amy', 'ben'] } });
    expect((await svc.call('DELETE', path(id, '/amy'))).body.data).toEqual([
      { result: true, action: 'remove_user_whitelist', user: 'amy', chatroomid: id },
    ]);
    expect((await svc.call('DELETE', path(id, '/cal%2CBEN'))).body.data).toEqual([
      {
        result: false,
        action: 'remove_user_whitelist',
        reason: `user cal is not in the allowlist of chatroom ${id}`,
        user: 'cal',
        chatroomid: id,
      },
      { result: true, action: 'remove_user_whitelist', user: 'ben', chatroomid: id },
    ]);
    expect(await allowed(id)).toEqual([]);
  });

  it('leaving the room takes the user off the allowlist', async () => {
    const id = await createRoom(svc, 'olive', { members: ['amy'] });
    await svc.call('POST', path(id, '/amy'));
    await svc.call('DELETE', svc.appPath(`/chatrooms/${id}/users/amy`));
    expect(await allowed(id)).toEqual([]);
  });
});

describe.each([
  {
    list: 'blocklist',
    segment: 'blocks',
    addLimit: 'userNames is more than max limit : 60',
    removeLimit: 'removeBlacklist: list size more than max limit : 60',
  },
  {
    list: 'allowlist',
    segment: 'white',
    addLimit: 'usernames size is more than max limit : 60',
    removeLimit: 'removeWhitelist size is more than max limit : 60',
  },
])('the error rows both lists share: the $list', ({ segment, addLimit, removeLimit }) => {
  const path = (id: string, rest = '') => svc.appPath(`/chatrooms/${id}/${segment}/users${rest}`);
  const listed = async (id: string) => (await svc.call('GET', path(id))).body.data;

  it.each([
    ['a non-member', '/cal', NOT_MEMBER],
    ['an unknown user', '/ghost', GHOST_404],
    [
      'an illegal id',
      '/a%20b',
      { status: 400, error: 'illegal_argument', error_description: 'username a b is not legal' },
    ],
  ])('POST …/{username} with %s → refused, the list unchanged', async (_, rest, row) => {
    const id = await createRoom(svc, 'olive', { members: ['amy'] });
    expect(errorRow(await svc.call('POST', path(id, rest)))).toEqual(row);
    expect(await listed(id)).toEqual([]);
  });

  it.each(
    [
      ['no usernames', {}, INVALID('usernames must be provided')],
      ['usernames not a list', { usernames: 'amy' }, INVALID('usernames must be an array')],
      ['an empty list', { usernames: [] }, INVALID('usernames must contain at least one user')],
      ['61 users', { usernames: sixtyOne() }, INVALID(addLimit)],
    ].map(([label, body, row]) => ({ label, body, row })),
  )('POST with $label → refused, the list unchanged', async ({ body, row }) => {
    const id = await createRoom(svc, 'olive', { members: ['amy'] });
    expect(errorRow(await svc.call('POST', path(id), { body }))).toEqual(row);
    expect(await listed(id)).toEqual([]);
  });

  it('DELETE with 61 users → 400 invalid_parameter', async () => {
    const id = await createRoom(svc, 'olive');
    expect(errorRow(await svc.call('DELETE', path(id, `/${sixtyOne().join(',')}`)))).toEqual(INVALID(removeLimit));
  });

  it.each([
    ['GET', '', undefined],
    ['POST', '/amy', undefined],
    ['POST', '', { usernames: ['amy'] }],
    ['DELETE', '/amy', undefined],
    ['DELETE', '/amy,ben', undefined],
  ])('%s %s on an unknown room → 404 resource_not_found', async (method, rest, body) => {
    expect(errorRow(await svc.call(method, path('999999', rest), { body }))).toEqual(ROOM_404);
  });
});
