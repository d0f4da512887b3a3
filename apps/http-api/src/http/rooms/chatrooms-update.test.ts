import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRoom, errorRow, registerUsers } from '../../testing/fixtures.js';
import { startTestService, type TestService } from '../../testing/http-harness.js';

let svc: TestService;
beforeAll(async () => {
  svc = await startTestService();
  await registerUsers(svc, 'owen', 'mia', 'max', 'outsider');
});
afterAll(() => svc.close());

const put = (id: string, body: unknown) => svc.call('PUT', svc.appPath(`/chatrooms/${id}`), { body });
const details = async (id: string) => (await svc.call('GET', svc.appPath(`/chatrooms/${id}`))).body.data[0];
const INVALID = (description: string) => ({ status: 400, error: 'invalid_parameter', error_description: description });

describe('PUT /{org}/{app}/chatrooms/{id} (modify)', () => {
  it('changes the fields sent and answers a boolean per field, name as groupname', async () => {
    const id = await createRoom(svc, 'owen');
    const response = await put(id, { name: 'new', description: 'desc', maxusers: 50 });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      action: 'put',
      data: { groupname: true, description: true, maxusers: true },
    });
    expect(await details(id)).toMatchObject({ name: 'new', description: 'desc', maxusers: 50 });
  });

  it('a partial body changes only that field and answers only its key', async () => {
    const id = await createRoom(svc, 'owen', { name: 'keep', description: 'keep too' });
    const response = await put(id, { maxusers: 20 });
    expect(response.body.data).toEqual({ maxusers: true });
    expect(await details(id)).toMatchObject({ name: 'keep', description: 'keep too', maxusers: 20 });
  });

  it.each(
    [
      ['an unknown field', { name: 'x', chatroom_id: '1' }, INVALID('some of [chatroom_id] are not valid fields')],
      [
        'several unknown fields',
        { owner: 'mia', custom: 'c' },
        INVALID('some of [owner, custom] are not valid fields'),
      ],
      ['an empty body', {}, INVALID('request body must contain name, description or maxusers')],
      ['only nulls', { name: null }, INVALID('request body must contain name, description or maxusers')],
      ['name a number', { name: 1 }, INVALID('name must be a string')],
      ['maxusers a string', { maxusers: '9' }, INVALID('maxusers must be an integer')],
      ['a body that is an array', [{ name: 'x' }], INVALID('request body must be a JSON object')],
      [
        'name of 129 characters',
        { name: 'n'.repeat(129) },
        { status: 403, error: 'exceed_limit', error_description: 'title cannot exceed to 128' },
      ],
      [
        'description of 513 characters',
        { description: 'd'.repeat(513) },
        { status: 403, error: 'exceed_limit', error_description: 'desc cannot exceed to 512' },
      ],
      [
        'maxusers above the ceiling',
        { maxusers: 10_001 },
        { status: 403, error: 'exceed_limit', error_description: 'maxUsers cannot exceed 10000' },
      ],
    ].map(([label, body, row]) => ({ label, body, row })),
  )('$label → refused, room unchanged', async ({ body, row }) => {
    const id = await createRoom(svc, 'owen', { name: 'before' });
    expect(errorRow(await put(id, body))).toEqual(row);
    expect(await details(id)).toMatchObject({ name: 'before', maxusers: 1000 });
  });

  it('maxusers below the member count → 403 forbidden_op', async () => {
    const id = await createRoom(svc, 'owen', { members: ['mia', 'max'] });
    expect(errorRow(await put(id, { maxusers: 2 }))).toEqual({
      status: 403,
      error: 'forbidden_op',
      error_description: 'maxusers 2 is less than the current member count 3',
    });
    expect((await put(id, { maxusers: 3 })).status).toBe(200);
  });

  it('unknown room → 404 resource_not_found', async () => {
    expect(errorRow(await put('424242', { name: 'x' }))).toEqual({
      status: 404,
      error: 'resource_not_found',
      error_description: 'grpID 424242 does not exist!',
    });
  });
});

describe('PUT /{org}/{app}/chatrooms/{id} (transfer)', () => {
  it('makes a member the owner; the old owner becomes a member; the count is unchanged', async () => {
    const id = await createRoom(svc, 'owen', { members: ['mia', 'max'] });
    const response = await put(id, { newowner: 'MIA' });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ action: 'put', data: { newowner: true } });
    const room = await details(id);
    expect(room.owner).toBe('mia');
    expect(room.affiliations_count).toBe(3);
    expect(room.affiliations[0]).toEqual({ owner: 'mia' });
    expect(room.affiliations.slice(1)).toEqual(expect.arrayContaining([{ member: 'owen' }, { member: 'max' }]));
    expect(room.affiliations).not.toContainEqual({ member: 'mia' });
  });

  it.each(
    [
      ['newowner with another field', { newowner: 'mia', name: 'x' }, INVALID('newowner must be the only field')],
      ['newowner null', { newowner: null }, INVALID('newowner must be provided')],
      ['newowner a number', { newowner: 3 }, INVALID('newowner must be a string')],
      [
        'an unknown new owner',
        { newowner: 'ghost' },
        { status: 404, error: 'resource_not_found', error_description: "username ghost doesn't exist!" },
      ],
      [
        'a new owner who is not a member',
        { newowner: 'outsider' },
        { status: 400, error: 'forbidden_op', error_description: 'users [outsider] are not members of this group!' },
      ],
      [
        'the current owner',
        { newowner: 'owen' },
        { status: 403, error: 'forbidden_op', error_description: 'new owner and old owner are the same' },
      ],
      [
        'an illegal id',
        { newowner: 'not legal' },
        { status: 400, error: 'illegal_argument', error_description: 'username not legal is not legal' },
      ],
    ].map(([label, body, row]) => ({ label, body, row })),
  )('$label → refused, owner unchanged', async ({ body, row }) => {
    const id = await createRoom(svc, 'owen', { members: ['mia'] });
    expect(errorRow(await put(id, body))).toEqual(row);
    expect((await details(id)).owner).toBe('owen');
  });

  it('unknown room → 404 resource_not_found', async () => {
    expect(errorRow(await put('434343', { newowner: 'mia' }))).toEqual({
      status: 404,
      error: 'resource_not_found',
      error_description: 'grpID 434343 does not exist!',
    });
  });
});

describe('DELETE /{org}/{app}/chatrooms/{id}', () => {
  it('dissolves the room: data {success, id}; it is gone and its members have left', async () => {
    const id = await createRoom(svc, 'owen', { members: ['max'] });
    const response = await svc.call('DELETE', svc.appPath(`/chatrooms/${id}`));
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ action: 'delete', data: { success: true, id } });
    expect((await svc.call('GET', svc.appPath(`/chatrooms/${id}`))).status).toBe(404);
    const joined = await svc.call('GET', svc.appPath('/users/max/joined_chatrooms'));
    expect(joined.body.data.map((r: { id: string }) => r.id)).not.toContain(id);
  });

  it('a missing room (or one dissolved already) → 404 resource_not_found', async () => {
    const id = await createRoom(svc, 'owen');
    await svc.call('DELETE', svc.appPath(`/chatrooms/${id}`));
    expect(errorRow(await svc.call('DELETE', svc.appPath(`/chatrooms/${id}`)))).toEqual({
      status: 404,
      error: 'resource_not_found',
      error_description: `grpID ${id} does not exist!`,
    });
  });
});
