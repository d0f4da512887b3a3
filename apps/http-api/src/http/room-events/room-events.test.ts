import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRoom, errorRow, registerUsers } from '../../testing/fixtures.js';
import { startTestService, type TestService } from '../../testing/http-harness.js';

let svc: TestService;
beforeAll(async () => {
  svc = await startTestService();
  await registerUsers(svc, 'olga', 'pete');
});
afterAll(() => svc.close());

const get = (path: string) => svc.call('GET', svc.appPath(path));

describe('GET /{org}/{app}/chatrooms/{id}/events (audit trail)', () => {
  it('lists who did what and when, newest first, in the envelope, with a keyset cursor', async () => {
    const id = await createRoom(svc, 'olga', { members: ['pete'] });
    for (const announcement of ['one', 'two']) {
      expect(
        (await svc.call('POST', svc.appPath(`/chatrooms/${id}/announcement`), { body: { announcement } })).status,
      ).toBe(200);
    }
    const first = await get(`/chatrooms/${id}/events?limit=2`);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ action: 'get', count: 2, params: { limit: ['2'] } });
    expect(first.body.data).toEqual([
      {
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        operation: 'UPDATE',
        operator: '@ppAdmin',
        timestamp: expect.any(Number),
        payload: { type: 'ANNOUNCEMENT', announcement: 'two' },
      },
      expect.objectContaining({ operation: 'UPDATE', payload: { type: 'ANNOUNCEMENT', announcement: 'one' } }),
    ]);
    const rest = await get(`/chatrooms/${id}/events?limit=2&cursor=${first.body.cursor}`);
    expect(rest.body.data.map((e: { operation: string }) => e.operation)).toEqual(['JOIN', 'CREATE']);
    // The count after the change, on the JOIN only (named as in the callback body).
    expect(rest.body.data.map((e: { member_count?: number }) => e.member_count)).toEqual([2, undefined]);
    expect(rest.body).not.toHaveProperty('cursor');
  });

  it('keeps the trail of a dissolved room (LEAVE/DELETE without a count)', async () => {
    const id = await createRoom(svc, 'olga');
    expect((await svc.call('DELETE', svc.appPath(`/chatrooms/${id}`))).status).toBe(200);
    const trail = await get(`/chatrooms/${id}/events`);
    expect(trail.body.data.map((e: { operation: string }) => e.operation)).toEqual(['LEAVE', 'DELETE', 'CREATE']);
    expect(trail.body.data[0]).not.toHaveProperty('member_count');
    expect(trail.body).not.toHaveProperty('cursor');
  });

  it.each([
    ['cursor=garbage', 'cursor is invalid'],
    ['limit=0', 'limit must be a positive integer'],
    ['limit=x', 'limit must be an integer'],
  ])('%s → 400', async (query, description) => {
    const response = errorRow(await get(`/chatrooms/1/events?${query}`));
    expect(response).toMatchObject({ status: 400, error: 'invalid_parameter' });
    expect(response.error_description).toContain(description.split(' must')[0]);
  });
});
