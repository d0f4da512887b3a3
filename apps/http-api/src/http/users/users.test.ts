import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRoom, errorRow, registerUsers } from '../../testing/fixtures.js';
import { startTestService, type TestService } from '../../testing/http-harness.js';

let svc: TestService;
beforeAll(async () => {
  svc = await startTestService();
});
afterAll(() => svc.close());

const register = (body: unknown) => svc.call('POST', svc.appPath('/users'), { body });

describe('POST /{org}/{app}/users', () => {
  it('registers one user from a bare object, lower-cased, with the envelope and entities', async () => {
    const response = await register({ username: 'Alice', password: 'pw', nickname: 'Ali' });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      action: 'post',
      applicationName: svc.app,
      organization: svc.org,
      path: '/users',
      uri: `${svc.url}${svc.appPath('/users')}`,
      data: [],
      properties: {},
    });
    expect(response.body.entities).toEqual([
      {
        uuid: expect.any(String),
        type: 'user',
        created: expect.any(Number),
        modified: expect.any(Number),
        username: 'alice',
        activated: true,
        nickname: 'Ali',
      },
    ]);
  });

  it('registers an array; a taken name in a batch is a per-user failure in data, HTTP 200', async () => {
    await registerUsers(svc, 'bob');
    const response = await register([
      { username: 'carol', password: 'pw' },
      { username: 'bob', password: 'pw' },
      { username: 'dave', password: 'pw' },
    ]);
    expect(response.status).toBe(200);
    expect(response.body.entities.map((u: { username: string }) => u.username)).toEqual(['carol', 'dave']);
    expect(response.body.data).toEqual([{ username: 'bob', registerUserFailReason: 'the bob already exists' }]);
  });

  it('a single taken name → 400 duplicate_unique_property_exists', async () => {
    await registerUsers(svc, 'erin');
    expect(errorRow(await register({ username: 'ERIN', password: 'pw' }))).toEqual({
      status: 400,
      error: 'duplicate_unique_property_exists',
      error_description: `Application ${svc.app} Entity user requires that property named username be unique, value of erin exists`,
    });
  });

  it('accepts 60 users and refuses 61', async () => {
    const batch = (n: number, prefix: string) =>
      Array.from({ length: n }, (_, i) => ({ username: `${prefix}${i}`, password: 'pw' }));
    const ok = await register(batch(60, 'sixty'));
    expect(ok.status).toBe(200);
    expect(ok.body.entities).toHaveLength(60);
    expect(errorRow(await register(batch(61, 'many')))).toEqual({
      status: 400,
      error: 'illegal_argument',
      error_description:
        'Request body array size[61] had almost reached or been greater than the upper range value[60]',
    });
    expect((await svc.call('GET', svc.appPath('/users/many0'))).status).toBe(404);
  });

  it.each(
    [
      [
        'an invalid username',
        { username: 'bad name', password: 'pw' },
        400,
        'illegal_argument',
        'username bad name is not legal',
      ],
      [
        'a 65-byte username',
        { username: 'a'.repeat(65), password: 'pw' },
        400,
        'illegal_argument',
        'USERNAME_TOO_LONG',
      ],
      ['no password', { username: 'frank' }, 400, 'illegal_argument', 'password or pin must provided'],
      [
        'a 101-character nickname',
        { username: 'frank', password: 'pw', nickname: 'n'.repeat(101) },
        400,
        'illegal_argument',
        'NICKNAME_TOO_LONG',
      ],
      ['no username', { password: 'pw' }, 400, 'invalid_parameter', 'username must be provided'],
      ['a numeric username', { username: 42, password: 'pw' }, 400, 'invalid_parameter', 'username must be a string'],
      ['a non-object item', ['frank'], 400, 'invalid_parameter', 'users[0] must be a JSON object'],
      [
        'a missing username in a batch',
        [{ username: 'frank', password: 'pw' }, { password: 'pw' }],
        400,
        'invalid_parameter',
        'users[1].username must be provided',
      ],
      ['an empty array', [], 400, 'invalid_parameter', 'request body must contain at least one user'],
      ['a JSON string', 'just text', 400, 'invalid_parameter', 'request body must be a JSON object'],
    ].map(([label, body, status, error, description]) => ({ label, body, status, error, description })),
  )('$label → $status $error', async ({ body, status, error, description }) => {
    const sent = typeof body === 'string' ? JSON.stringify(body) : body;
    expect(errorRow(await register(sent))).toEqual({ status, error, error_description: description });
    expect((await svc.call('GET', svc.appPath('/users/frank'))).status).toBe(404);
  });
});

describe('GET /{org}/{app}/users/{username}', () => {
  it('returns the user in entities with count 1; the path id is lower-cased', async () => {
    await registerUsers(svc, 'gina');
    const response = await svc.call('GET', svc.appPath('/users/GINA'));
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ action: 'get', path: '/users', count: 1, data: [] });
    expect(response.body.entities).toEqual([
      expect.objectContaining({ username: 'gina', type: 'user', activated: true }),
    ]);
    expect(response.body.entities[0]).not.toHaveProperty('nickname');
    expect(response.body.entities[0]).not.toHaveProperty('password');
  });

  it('unknown user → 404 service_resource_not_found', async () => {
    expect(errorRow(await svc.call('GET', svc.appPath('/users/nobody')))).toEqual({
      status: 404,
      error: 'service_resource_not_found',
      error_description: 'Service resource not found',
    });
  });

  it('an illegal id in the path → 400 illegal_argument', async () => {
    expect(errorRow(await svc.call('GET', svc.appPath('/users/no%20body')))).toEqual({
      status: 400,
      error: 'illegal_argument',
      error_description: 'username no body is not legal',
    });
  });
});

describe('DELETE /{org}/{app}/users/{username}', () => {
  it('deletes the user, dissolves the rooms they own and leaves the others', async () => {
    await registerUsers(svc, 'hank', 'iris');
    const owned = await createRoom(svc, 'hank', { members: ['iris'] });
    const joined = await createRoom(svc, 'iris', { members: ['hank'] });
    const response = await svc.call('DELETE', svc.appPath('/users/Hank'));
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ action: 'delete', path: '/users' });
    expect(response.body.entities).toEqual([expect.objectContaining({ username: 'hank' })]);
    expect((await svc.call('GET', svc.appPath('/users/hank'))).status).toBe(404);
    expect((await svc.call('GET', svc.appPath(`/chatrooms/${owned}`))).status).toBe(404);
    const left = await svc.call('GET', svc.appPath(`/chatrooms/${joined}`));
    expect(left.body.data[0].affiliations).toEqual([{ owner: 'iris' }]);
    expect(left.body.data[0].affiliations_count).toBe(1);
  });

  it('unknown user → 404 service_resource_not_found', async () => {
    expect(errorRow(await svc.call('DELETE', svc.appPath('/users/nobody')))).toEqual({
      status: 404,
      error: 'service_resource_not_found',
      error_description: 'Service resource not found',
    });
  });
});
