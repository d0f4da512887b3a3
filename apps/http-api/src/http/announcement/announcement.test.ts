import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRoom, errorRow, registerUsers } from '../../testing/fixtures.js';
import { startTestService, type TestService } from '../../testing/http-harness.js';

let svc: TestService;
beforeAll(async () => {
  svc = await startTestService();
  await registerUsers(svc, 'olive');
});
afterAll(() => svc.close());

const path = (id: string) => svc.appPath(`/chatrooms/${id}/announcement`);
const read = async (id: string) => (await svc.call('GET', path(id))).body.data.announcement;
const INVALID = (description: string) => ({ status: 400, error: 'invalid_parameter', error_description: description });
const ROOM_404 = { status: 404, error: 'resource_not_found', error_description: 'grpID 999999 does not exist!' };

describe('GET /{org}/{app}/chatrooms/{id}/announcement', () => {
  it('answers data {announcement}, empty until set', async () => {
    const id = await createRoom(svc, 'olive');
    const response = await svc.call('GET', path(id));
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ action: 'get', data: { announcement: '' } });
  });

  it('an unknown room → 404 resource_not_found', async () => {
    expect(errorRow(await svc.call('GET', path('999999')))).toEqual(ROOM_404);
  });
});

describe('POST /{org}/{app}/chatrooms/{id}/announcement', () => {
  it('sets it: data {id, result: true}; 512 characters (code points) are allowed; an empty string clears it', async () => {
    const id = await createRoom(svc, 'olive');
    const response = await svc.call('POST', path(id), { body: { announcement: 'Welcome 👋' } });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ action: 'post', data: { id, result: true } });
    expect(await read(id)).toBe('Welcome 👋');
    const longest = '😀'.repeat(512);
    expect((await svc.call('POST', path(id), { body: { announcement: longest } })).status).toBe(200);
    expect(await read(id)).toBe(longest);
    await svc.call('POST', path(id), { body: { announcement: '' } });
    expect(await read(id)).toBe('');
  });

  it('PUT is accepted as well (an older page of the reference names it)', async () => {
    const id = await createRoom(svc, 'olive');
    const response = await svc.call('PUT', path(id), { body: { announcement: 'via put' } });
    expect(response.body).toMatchObject({ action: 'put', data: { id, result: true } });
    expect(await read(id)).toBe('via put');
  });

  it.each(
    [
      [
        '513 characters',
        { announcement: 'a'.repeat(513) },
        { status: 403, error: 'forbidden_op', error_description: 'announce info length exceeds limit!' },
      ],
      ['no announcement', {}, INVALID('announcement must be provided')],
      ['announcement a number', { announcement: 42 }, INVALID('announcement must be a string')],
    ].map(([label, body, row]) => ({ label, body, row })),
  )('$label → refused, unchanged', async ({ body, row }) => {
    const id = await createRoom(svc, 'olive');
    await svc.call('POST', path(id), { body: { announcement: 'before' } });
    expect(errorRow(await svc.call('POST', path(id), { body }))).toEqual(row);
    expect(await read(id)).toBe('before');
  });

  it('an unknown room → 404 resource_not_found', async () => {
    expect(errorRow(await svc.call('POST', path('999999'), { body: { announcement: 'x' } }))).toEqual(ROOM_404);
  });
});
