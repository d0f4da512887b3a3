import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRoom, errorRow, registerUsers } from '../../testing/fixtures.js';
import { startTestService, type TestService } from '../../testing/http-harness.js';

let svc: TestService;
beforeAll(async () => {
  svc = await startTestService();
  await registerUsers(svc, 'olive', 'amy', 'ben', 'cal');
});
afterAll(() => svc.close());

const HOUR = 3_600_000;
const now = () => svc.deps!.clock.now();
const path = (id: string, rest = '') => svc.appPath(`/chatrooms/${id}/mute${rest}`);
const mute = (id: string, body: unknown) => svc.call('POST', path(id), { body });
const mutes = async (id: string) => (await svc.call('GET', path(id))).body.data;
const INVALID = (description: string) => ({ status: 400, error: 'invalid_parameter', error_description: description });
const ROOM_404 = { status: 404, error: 'resource_not_found', error_description: 'grpID 999999 does not exist!' };

describe('GET /{org}/{app}/chatrooms/{id}/mute', () => {
  it('lists the mutes in force as [{expire, user}] with count; expired ones vanish by themselves', async () => {
    const id = await createRoom(svc, 'olive', { members: ['amy', 'ben'] });
    const start = now();
    await mute(id, { usernames: ['amy'], mute_duration: HOUR });
    await mute(id, { usernames: ['ben'], mute_duration: -1 });
    const response = await svc.call('GET', path(id));
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ action: 'get', count: 2 });
    expect(response.body.data).toEqual([
      { expire: start + HOUR, user: 'amy' },
      { expire: -1, user: 'ben' },
    ]);
    svc.deps!.clock.advance(HOUR);
    expect(await mutes(id)).toEqual([{ expire: -1, user: 'ben' }]);
  });

  it('an unknown room → 404 resource_not_found', async () => {
    expect(errorRow(await svc.call('GET', path('999999')))).toEqual(ROOM_404);
  });
});

describe('POST /{org}/{app}/chatrooms/{id}/mute', () => {
  it('mutes members for mute_duration ms: data [{result, expire, user}], ids lower-cased', async () => {
    const id = await createRoom(svc, 'olive', { members: ['amy', 'ben'] });
    const response = await mute(id, { usernames: ['AMY', 'ben'], mute_duration: 60_000 });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ action: 'post' });
    expect(response.body.data).toEqual([
      { result: true, expire: now() + 60_000, user: 'amy' },
      { result: true, expire: now() + 60_000, user: 'ben' },
    ]);
  });

  it('-1 mutes for ever (expire -1); 0 lifts the mute (expire 0)', async () => {
    const id = await createRoom(svc, 'olive', { members: ['amy'] });
    expect((await mute(id, { usernames: ['amy'], mute_duration: -1 })).body.data).toEqual([
      { result: true, expire: -1, user: 'amy' },
    ]);
    expect((await mute(id, { usernames: ['amy'], mute_duration: 0 })).body.data).toEqual([
      { result: true, expire: 0, user: 'amy' },
    ]);
    expect(await mutes(id)).toEqual([]);
  });

  it('non-members → 400 forbidden_op naming them, nobody muted', async () => {
    const id = await createRoom(svc, 'olive', { members: ['amy'] });
    expect(errorRow(await mute(id, { usernames: ['amy', 'ben', 'cal'], mute_duration: HOUR }))).toEqual({
      status: 400,
      error: 'forbidden_op',
      error_description: 'users [ben, cal] are not members of this group!',
    });
    expect(await mutes(id)).toEqual([]);
  });

  it.each(
    [
      ['no mute_duration', { usernames: ['amy'] }, INVALID('mute_duration must be provided')],
      [
        'mute_duration a string',
        { usernames: ['amy'], mute_duration: '1000' },
        INVALID('mute_duration must be an integer'),
      ],
      [
        'mute_duration a fraction',
        { usernames: ['amy'], mute_duration: 1.5 },
        INVALID('mute_duration must be an integer'),
      ],
      [
        'mute_duration below -1',
        { usernames: ['amy'], mute_duration: -2 },
        INVALID('mute_duration must be an integer from -1 to 3153600000000'),
      ],
      ['no usernames', { mute_duration: 1000 }, INVALID('usernames must be provided')],
      ['an empty list', { usernames: [], mute_duration: 1000 }, INVALID('usernames must contain at least one user')],
      [
        '101 users',
        { usernames: Array.from({ length: 101 }, (_, i) => `u${i}`), mute_duration: 1000 },
        INVALID('userNames size is more than max limit : 100'),
      ],
    ].map(([label, body, row]) => ({ label, body, row })),
  )('$label → refused', async ({ body, row }) => {
    const id = await createRoom(svc, 'olive', { members: ['amy'] });
    expect(errorRow(await mute(id, body))).toEqual(row);
    expect(await mutes(id)).toEqual([]);
  });

  it('an unknown room → 404 resource_not_found', async () => {
    expect(errorRow(await mute('999999', { usernames: ['amy'], mute_duration: 1000 }))).toEqual(ROOM_404);
  });
});

describe('DELETE /{org}/{app}/chatrooms/{id}/mute/{member1,member2,…}', () => {
  it('lifts the mutes: data [{result, user}]; a comma or %2C separates', async () => {
    const id = await createRoom(svc, 'olive', { members: ['amy', 'ben', 'cal'] });
    await mute(id, { usernames: ['amy', 'ben', 'cal'], mute_duration: HOUR });
    const response = await svc.call('DELETE', path(id, '/Amy%2Cben'));
    expect(response.status).toBe(200);
    expect(response.body.data).toEqual([
      { result: true, user: 'amy' },
      { result: true, user: 'ben' },
    ]);
    expect((await mutes(id)).map((m: { user: string }) => m.user)).toEqual(['cal']);
    expect((await svc.call('DELETE', path(id, '/cal'))).body.data).toEqual([{ result: true, user: 'cal' }]);
    expect(await mutes(id)).toEqual([]);
  });

  it('61 users → 400 invalid_parameter', async () => {
    const id = await createRoom(svc, 'olive');
    const list = Array.from({ length: 61 }, (_, i) => `u${i}`).join(',');
    expect(errorRow(await svc.call('DELETE', path(id, `/${list}`)))).toEqual(
      INVALID('removeMute member size more than max limit :  60'),
    );
  });

  it('an unknown room → 404 resource_not_found', async () => {
    expect(errorRow(await svc.call('DELETE', path('999999', '/amy')))).toEqual(ROOM_404);
  });
});

describe('POST and DELETE /{org}/{app}/chatrooms/{id}/ban (mute all)', () => {
  const details = async (id: string) => (await svc.call('GET', svc.appPath(`/chatrooms/${id}`))).body.data[0];

  it('turns mute-all on (data {mute: true}) and off (data {mute: false}); details show it; the mute list stays empty', async () => {
    const id = await createRoom(svc, 'olive', { members: ['amy'] });
    const on = await svc.call('POST', svc.appPath(`/chatrooms/${id}/ban`));
    expect(on.status).toBe(200);
    expect(on.body).toMatchObject({ action: 'post', data: { mute: true } });
    expect((await details(id)).mute).toBe(true);
    expect(await mutes(id)).toEqual([]);
    const off = await svc.call('DELETE', svc.appPath(`/chatrooms/${id}/ban`));
    expect(off.body).toMatchObject({ action: 'delete', data: { mute: false } });
    expect((await details(id)).mute).toBe(false);
  });

  it.each(['POST', 'DELETE'])('%s on an unknown room → 404 resource_not_found', async (method) => {
    expect(errorRow(await svc.call(method, svc.appPath('/chatrooms/999999/ban')))).toEqual(ROOM_404);
  });
});
