import { createTestDatabase } from '@chatroom/postgres-adapter/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRoom, errorRow, registerUsers } from '../testing/fixtures.js';
import { startTestService, type TestService } from '../testing/http-harness.js';
import { walkSevenOperations } from '../testing/walk-seven-operations.js';

const db = await createTestDatabase();
if (!db) console.warn('HTTP end-to-end tests on PostgreSQL skipped: no TEST_DATABASE_URL and no Docker engine.');

describe.skipIf(!db)('the HTTP API on PostgreSQL (real adapters)', () => {
  let svc: TestService;
  beforeAll(async () => {
    svc = await startTestService({
      inMemory: false,
      env: { DATABASE_URL: db!.url, DB_POOL_SIZE: '20' },
      settings: { joinedRoomCap: 5 },
    });
  });
  afterAll(async () => {
    await svc?.close();
    await db?.drop();
  });

  it('walks the seven operations with users and tokens', async () => {
    await walkSevenOperations(svc, { roomName: '大厅' });
  });

  it('answers the error rows from the real store', async () => {
    await registerUsers(svc, 'dan');
    const id = await createRoom(svc, 'dan', { roomid: 'pgroom' });
    expect(
      errorRow(
        await svc.call('POST', svc.appPath('/chatrooms'), {
          body: { name: 'n', description: 'd', owner: 'dan', roomid: 'pgroom' },
        }),
      ),
    ).toEqual({
      status: 400,
      error: 'illegal_argument',
      error_description: 'group ID pgroom already exists!',
    });
    expect(errorRow(await svc.call('PUT', svc.appPath(`/chatrooms/${id}`), { body: { newowner: 'dan' } }))).toEqual({
      status: 403,
      error: 'forbidden_op',
      error_description: 'new owner and old owner are the same',
    });
    expect(errorRow(await svc.call('GET', svc.appPath('/chatrooms/pgroom,nothere')))).toEqual({
      status: 404,
      error: 'service_resource_not_found',
      error_description: 'do not find this group:nothere',
    });
    expect(errorRow(await svc.call('GET', svc.appPath('/users/nobody')))).toMatchObject({ status: 404 });
    expect((await svc.call('GET', '/ready')).status).toBe(200);
  });

  describe('concurrency through HTTP', () => {
    it('parallel transfers to distinct members all succeed and leave exactly one owner, count unchanged', async () => {
      const members = Array.from({ length: 8 }, (_, i) => `tm${i}`);
      await registerUsers(svc, 'town', ...members);
      const id = await createRoom(svc, 'town', { members });
      const results = await Promise.all(
        members.map((m) => svc.call('PUT', svc.appPath(`/chatrooms/${id}`), { body: { newowner: m } })),
      );
      expect(results.map((r) => r.status)).toEqual(members.map(() => 200));
      const room = (await svc.call('GET', svc.appPath(`/chatrooms/${id}`))).body.data[0];
      expect(room.affiliations_count).toBe(9);
      expect(room.affiliations).toHaveLength(9);
      expect(room.affiliations.filter((a: object) => 'owner' in a)).toEqual([{ owner: room.owner }]);
      expect(room.affiliations[0]).toEqual({ owner: room.owner });
      const names = room.affiliations.map((a: { owner?: string; member?: string }) => a.owner ?? a.member);
      expect(new Set(names).size).toBe(9);
    });

    it('parallel transfers to the same member: exactly one succeeds, the others are "same owner"', async () => {
      await registerUsers(svc, 'sown', 'heir');
      const id = await createRoom(svc, 'sown', { members: ['heir'] });
      const results = await Promise.all(
        Array.from({ length: 6 }, () =>
          svc.call('PUT', svc.appPath(`/chatrooms/${id}`), { body: { newowner: 'heir' } }),
        ),
      );
      expect(results.filter((r) => r.status === 200)).toHaveLength(1);
      expect(results.filter((r) => r.status === 403).map((r) => r.body.error_description)).toEqual(
        Array(5).fill('new owner and old owner are the same'),
      );
      const room = (await svc.call('GET', svc.appPath(`/chatrooms/${id}`))).body.data[0];
      expect(room.affiliations).toEqual([{ owner: 'heir' }, { member: 'sown' }]);
    });

    it('parallel creates by one owner stop exactly at the joined-room cap (5)', async () => {
      await registerUsers(svc, 'capper');
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          svc.call('POST', svc.appPath('/chatrooms'), { body: { name: `c${i}`, description: 'd', owner: 'capper' } }),
        ),
      );
      expect(results.filter((r) => r.status === 200)).toHaveLength(5);
      for (const refused of results.filter((r) => r.status !== 200)) {
        expect(errorRow(refused)).toEqual({
          status: 403,
          error: 'exceed_limit',
          error_description: 'user capper has joined too many chatrooms!',
        });
      }
      const joined = await svc.call('GET', svc.appPath('/users/capper/joined_chatrooms'));
      expect(joined.body.count).toBe(5);
    });

    it('parallel dissolves of one room: exactly one 200, the others 404', async () => {
      await registerUsers(svc, 'dis', 'dm');
      const id = await createRoom(svc, 'dis', { members: ['dm'] });
      const results = await Promise.all(
        Array.from({ length: 10 }, () => svc.call('DELETE', svc.appPath(`/chatrooms/${id}`))),
      );
      expect(results.filter((r) => r.status === 200)).toHaveLength(1);
      expect(results.filter((r) => r.status === 404)).toHaveLength(9);
      expect((await svc.call('GET', svc.appPath('/users/dm/joined_chatrooms'))).body.count).toBe(0);
    });
  });
});
