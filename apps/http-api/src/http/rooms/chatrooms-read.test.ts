import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRoom, errorRow, registerUsers } from '../../testing/fixtures.js';
import { startTestService, type TestService } from '../../testing/http-harness.js';

let svc: TestService;
let rooms: string[]; // oldest first
beforeAll(async () => {
  svc = await startTestService();
  await registerUsers(svc, 'olga', 'pete', 'quin');
  rooms = [];
  for (let i = 0; i < 5; i++) rooms.push(await createRoom(svc, 'olga', { name: `r${i}`, members: ['pete'] }));
});
afterAll(() => svc.close());

const get = (path: string) => svc.call('GET', svc.appPath(path));
const INVALID = (description: string) => ({ status: 400, error: 'invalid_parameter', error_description: description });

describe('GET /{org}/{app}/chatrooms', () => {
  it('lists rooms newest first with {id, name, owner, affiliations_count}, count and params; default limit 10', async () => {
    const response = await get('/chatrooms');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ action: 'get', count: 5, params: {}, entities: [], properties: {} });
    expect(response.body.data.map((r: { id: string }) => r.id)).toEqual([...rooms].reverse());
    expect(response.body.data[0]).toEqual({ id: rooms[4], name: 'r4', owner: 'olga', affiliations_count: 2 });
    expect(response.body).not.toHaveProperty('cursor');
  });

  it('pages with an opaque cursor, present only while another page exists; params echo the query', async () => {
    const first = await get('/chatrooms?limit=2');
    expect(first.body.params).toEqual({ limit: ['2'] });
    expect(first.body.data.map((r: { id: string }) => r.id)).toEqual([rooms[4], rooms[3]]);
    const second = await get(`/chatrooms?limit=2&cursor=${first.body.cursor}`);
    expect(second.body.data.map((r: { id: string }) => r.id)).toEqual([rooms[2], rooms[1]]);
    const third = await get(`/chatrooms?limit=2&cursor=${second.body.cursor}`);
    expect(third.body.data.map((r: { id: string }) => r.id)).toEqual([rooms[0]]);
    expect(third.body).not.toHaveProperty('cursor');
  });

  it('a room created while paging is not returned and nothing is skipped', async () => {
    const first = await get('/chatrooms?limit=2');
    await createRoom(svc, 'quin', { name: 'late' });
    const rest = await get(`/chatrooms?limit=100&cursor=${first.body.cursor}`);
    expect(rest.body.data.map((r: { id: string }) => r.id)).toEqual([rooms[2], rooms[1], rooms[0]]);
  });

  it('a limit above 1000 is clamped, not refused', async () => {
    const response = await get('/chatrooms?limit=5000');
    expect(response.status).toBe(200);
  });

  it.each(['0', '-1', '1.5', 'ten', ''])('limit=%s → 400 invalid_parameter', async (limit) => {
    expect(errorRow(await get(`/chatrooms?limit=${limit}`))).toEqual(INVALID('limit must be a positive integer'));
  });

  it.each(['garbage', 'cr1', "1' OR '1'='1"])('cursor=%s → 400 cursor is invalid', async (cursor) => {
    expect(errorRow(await get(`/chatrooms?cursor=${encodeURIComponent(cursor)}`))).toEqual(
      INVALID('cursor is invalid'),
    );
  });
});

describe('GET /{org}/{app}/chatrooms/{ids}', () => {
  it('returns one room as a one-element array with every documented field plus mute', async () => {
    const response = await get(`/chatrooms/${rooms[0]}`);
    expect(response.status).toBe(200);
    expect(response.body.count).toBe(1);
    expect(response.body.data).toEqual([
      {
        id: rooms[0],
        name: 'r0',
        description: 'a room',
        membersonly: false,
        allowinvites: false,
        maxusers: 1000,
        owner: 'olga',
        created: expect.any(Number),
        custom: '',
        mute: false,
        affiliations_count: 2,
        affiliations: [{ owner: 'olga' }, { member: 'pete' }],
        public: true,
      },
    ]);
  });

  it.each([
    ['a literal comma', ','],
    ['%2C', '%2C'],
    ['%2c', '%2c'],
  ])('splits ids on %s, keeps the order given and drops duplicates', async (_label, sep) => {
    const response = await get(`/chatrooms/${[rooms[3], rooms[1], rooms[3], rooms[2]].join(sep)}`);
    expect(response.status).toBe(200);
    expect(response.body.data.map((r: { id: string }) => r.id)).toEqual([rooms[3], rooms[1], rooms[2]]);
    expect(response.body.uri).toBe(
      `${svc.url}${svc.appPath(`/chatrooms/${[rooms[3], rooms[1], rooms[3], rooms[2]].join(sep)}`)}`,
    );
  });

  it('affiliations list the owner first, then members in join order', async () => {
    await registerUsers(svc, 'zara', 'abel');
    const id = await createRoom(svc, 'quin', { members: ['zara', 'abel', 'pete'] });
    const response = await get(`/chatrooms/${id}`);
    expect(response.body.data[0].affiliations).toEqual([
      { owner: 'quin' },
      { member: 'zara' },
      { member: 'abel' },
      { member: 'pete' },
    ]);
  });

  it('any missing id → 404 service_resource_not_found naming the first missing one', async () => {
    expect(errorRow(await get(`/chatrooms/${rooms[0]},999,998`))).toEqual({
      status: 404,
      error: 'service_resource_not_found',
      error_description: 'do not find this group:999',
    });
  });

  it('accepts 100 ids and refuses 101', async () => {
    const ids = (n: number) =>
      Array.from({ length: n }, (_, i) => (i === 0 ? rooms[0] : String(900_000 + i))).join(',');
    expect(errorRow(await get(`/chatrooms/${ids(100)}`))).toEqual({
      status: 404,
      error: 'service_resource_not_found',
      error_description: 'do not find this group:900001',
    });
    expect(errorRow(await get(`/chatrooms/${ids(101)}`))).toEqual(
      INVALID('the number of chatroom ids must not exceed 100'),
    );
  });

  it('only commas → 400 invalid_parameter', async () => {
    expect(errorRow(await get('/chatrooms/,,'))).toEqual(INVALID('chatroom id must be provided'));
  });
});

describe('GET /{org}/{app}/users/{username}/joined_chatrooms', () => {
  it('lists the rooms a user joined, newest join first, as {id, name, disabled: "false"}', async () => {
    const response = await get('/users/Pete/joined_chatrooms');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ action: 'get', params: {} });
    const ids = response.body.data.map((r: { id: string }) => r.id);
    expect(ids.slice(-5)).toEqual([...rooms].reverse());
    expect(response.body.count).toBe(ids.length);
    expect(response.body.data.at(-1)).toEqual({ id: rooms[0], name: 'r0', disabled: 'false' });
  });

  it('pages with pagenum and pagesize and echoes them in params', async () => {
    const response = await get('/users/olga/joined_chatrooms?pagenum=2&pagesize=2');
    expect(response.body.params).toEqual({ pagenum: ['2'], pagesize: ['2'] });
    expect(response.body.data.map((r: { id: string }) => r.id)).toEqual([rooms[2], rooms[1]]);
  });

  it('a page past the end is empty', async () => {
    const response = await get('/users/olga/joined_chatrooms?pagenum=50&pagesize=10');
    expect(response.body).toMatchObject({ data: [], count: 0 });
  });

  it('a user in no room gets an empty list', async () => {
    await registerUsers(svc, 'lonely');
    expect((await get('/users/lonely/joined_chatrooms')).body).toMatchObject({ data: [], count: 0 });
  });

  it.each([
    ['pagenum=0', 'pagenum must be a positive integer'],
    ['pagesize=-3', 'pagesize must be a positive integer'],
    ['pagesize=abc', 'pagesize must be a positive integer'],
  ])('%s → 400 invalid_parameter', async (query, description) => {
    expect(errorRow(await get(`/users/olga/joined_chatrooms?${query}`))).toEqual(INVALID(description));
  });

  it('unknown user → 404 service_resource_not_found', async () => {
    expect(errorRow(await get('/users/ghost/joined_chatrooms'))).toEqual({
      status: 404,
      error: 'service_resource_not_found',
      error_description: 'Service resource not found',
    });
  });
});
