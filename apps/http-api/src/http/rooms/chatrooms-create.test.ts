import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRoom, errorRow, registerUsers } from '../../testing/fixtures.js';
import { startTestService, type TestService } from '../../testing/http-harness.js';

let svc: TestService;
beforeAll(async () => {
  svc = await startTestService();
  await registerUsers(svc, 'owner', 'm1', 'm2', 'm3');
});
afterAll(() => svc.close());

const create = (body: unknown, on = svc) => on.call('POST', on.appPath('/chatrooms'), { body });
const base = { name: 'lobby', description: 'the lobby', owner: 'owner' };
const roomCount = async () => (await svc.call('GET', svc.appPath('/chatrooms?limit=1000'))).body.count;

describe('POST /{org}/{app}/chatrooms', () => {
  it('creates a room: data {id}, a numeric id, the owner first then members, defaults applied', async () => {
    const response = await create({ ...base, members: ['M1', 'm2', 'owner', 'm1'], custom: 'x' });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ action: 'post', entities: [], data: { id: expect.stringMatching(/^\d+$/) } });
    const details = await svc.call('GET', svc.appPath(`/chatrooms/${response.body.data.id}`));
    expect(details.body.data[0]).toMatchObject({
      name: 'lobby',
      description: 'the lobby',
      owner: 'owner',
      maxusers: 1000,
      custom: 'x',
      affiliations_count: 3,
      affiliations: [{ owner: 'owner' }, { member: 'm1' }, { member: 'm2' }],
    });
  });

  it('ids increase with creation time', async () => {
    const first = await createRoom(svc, 'owner');
    const second = await createRoom(svc, 'owner');
    expect(BigInt(second) > BigInt(first)).toBe(true);
  });

  it('accepts a caller-chosen roomid', async () => {
    const response = await create({ ...base, roomid: 'myroom1' });
    expect(response.body.data.id).toBe('myroom1');
  });

  it('ignores fields it does not know (membersonly, public…) and null optional fields', async () => {
    const response = await create({ ...base, membersonly: true, public: false, custom: null, members: null });
    expect(response.status).toBe(200);
  });

  it.each(
    [
      ['name missing', { description: 'd', owner: 'owner' }, 400, 'invalid_parameter', 'name must be provided'],
      ['description missing', { name: 'n', owner: 'owner' }, 400, 'invalid_parameter', 'description must be provided'],
      ['owner missing', { name: 'n', description: 'd' }, 400, 'invalid_parameter', 'owner must be provided'],
      ['owner null', { ...base, owner: null }, 400, 'invalid_parameter', 'owner must be provided'],
      ['name a number', { ...base, name: 5 }, 400, 'invalid_parameter', 'name must be a string'],
      ['maxusers a string', { ...base, maxusers: '10' }, 400, 'invalid_parameter', 'maxusers must be an integer'],
      ['maxusers fractional', { ...base, maxusers: 2.5 }, 400, 'invalid_parameter', 'maxusers must be an integer'],
      ['maxusers 0', { ...base, maxusers: 0 }, 400, 'invalid_parameter', 'maxusers must be an integer of at least 1'],
      ['members not an array', { ...base, members: 'm1' }, 400, 'invalid_parameter', 'members must be an array'],
      [
        'a member not a string',
        { ...base, members: ['m1', 7] },
        400,
        'invalid_parameter',
        'members[1] must be a string',
      ],
      [
        'members empty',
        { ...base, members: [] },
        400,
        'invalid_parameter',
        'members must contain at least one element',
      ],
      ['body an array', [base], 400, 'invalid_parameter', 'request body must be a JSON object'],
      [
        'name of 129 characters',
        { ...base, name: '名'.repeat(129) },
        403,
        'exceed_limit',
        'title cannot exceed to 128',
      ],
      [
        'description of 513 characters',
        { ...base, description: 'd'.repeat(513) },
        403,
        'exceed_limit',
        'desc cannot exceed to 512',
      ],
      [
        'custom of 8193 bytes',
        { ...base, custom: `${'é'.repeat(4096)}x` },
        403,
        'exceed_limit',
        'custom cannot exceed to 8192',
      ],
      [
        'maxusers above the ceiling',
        { ...base, maxusers: 10_001 },
        403,
        'exceed_limit',
        'maxUsers cannot exceed 10000',
      ],
      [
        'members + owner above maxusers',
        { ...base, maxusers: 2, members: ['m1', 'm2'] },
        403,
        'exceed_limit',
        'members size is greater than max user size !',
      ],
      ['unknown owner', { ...base, owner: 'ghost' }, 404, 'resource_not_found', "username ghost doesn't exist!"],
      [
        'an unknown member',
        { ...base, members: ['m1', 'ghost2', 'ghost3'] },
        404,
        'resource_not_found',
        "username ghost2 doesn't exist!",
      ],
      ['an illegal owner id', { ...base, owner: 'no way' }, 400, 'illegal_argument', 'username no way is not legal'],
      [
        'roomid with capitals',
        { ...base, roomid: 'Room' },
        400,
        'invalid_parameter',
        'roomid must be 1 to 64 characters of a-z and 0-9',
      ],
    ].map(([label, body, status, error, description]) => ({ label, body, status, error, description })),
  )('$label → $status $error, nothing created', async ({ body, status, error, description }) => {
    const before = await roomCount();
    expect(errorRow(await create(body))).toEqual({ status, error, error_description: description });
    expect(await roomCount()).toBe(before);
  });

  it('boundary lengths are accepted: name 128, description 512, custom 8192 bytes, maxusers 10000', async () => {
    const response = await create({
      ...base,
      name: '名'.repeat(128),
      description: 'd'.repeat(512),
      custom: 'é'.repeat(4096),
      maxusers: 10_000,
    });
    expect(response.status).toBe(200);
  });

  it('a taken roomid → 400 illegal_argument', async () => {
    await create({ ...base, roomid: 'taken1' });
    expect(errorRow(await create({ ...base, roomid: 'taken1' }))).toEqual({
      status: 400,
      error: 'illegal_argument',
      error_description: 'group ID taken1 already exists!',
    });
  });
});

describe('POST /{org}/{app}/chatrooms against the app limits', () => {
  let small: TestService;
  beforeAll(async () => {
    small = await startTestService({
      settings: { roomQuota: 2, joinedRoomCap: 1, maxUsersCeiling: 50, customRoomIds: false },
    });
    await registerUsers(small, 'a', 'b', 'c');
  });
  afterAll(() => small.close());

  it("maxusers above this app's ceiling → 403 with its number", async () => {
    expect(errorRow(await create({ ...base, owner: 'a', maxusers: 51 }, small))).toEqual({
      status: 403,
      error: 'exceed_limit',
      error_description: 'maxUsers cannot exceed 50',
    });
  });

  it('roomid when the app does not allow custom ids → 400 invalid_parameter', async () => {
    expect(errorRow(await create({ ...base, owner: 'a', maxusers: 10, roomid: 'mine' }, small))).toEqual({
      status: 400,
      error: 'invalid_parameter',
      error_description: 'roomid is not enabled for this app',
    });
  });

  it('a member at the joined-room cap → 403, and the room is not created', async () => {
    expect((await create({ ...base, owner: 'a', maxusers: 10 }, small)).status).toBe(200);
    expect(errorRow(await create({ ...base, owner: 'b', maxusers: 10, members: ['a'] }, small))).toEqual({
      status: 403,
      error: 'exceed_limit',
      error_description: 'user a has joined too many chatrooms!',
    });
  });

  it('past the app room quota → 403 naming the app key', async () => {
    expect((await create({ ...base, owner: 'b', maxusers: 10 }, small)).status).toBe(200);
    expect(errorRow(await create({ ...base, owner: 'c', maxusers: 10 }, small))).toEqual({
      status: 403,
      error: 'exceed_limit',
      error_description: `appKey:${small.org}#${small.app} has create too many chatrooms!`,
    });
  });
});
