import { createTestDatabase } from '@chatroom/postgres-adapter/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRoom, errorRow, registerMany, registerUsers } from '../testing/fixtures.js';
import { startTestService, type HttpResponse, type TestService } from '../testing/http-harness.js';

/**
 * Members, roles and moderation through HTTP on the real adapters (PostgreSQL), with real
 * parallel requests for the invariants that only concurrency can break.
 */

const db = await createTestDatabase();
if (!db) console.warn('Moderation end-to-end tests on PostgreSQL skipped: no TEST_DATABASE_URL and no Docker engine.');

const JOINED_ROOM_CAP = 5;

describe.skipIf(!db)('members, roles and moderation on PostgreSQL (real adapters)', () => {
  let svc: TestService;
  beforeAll(async () => {
    svc = await startTestService({
      inMemory: false,
      env: { DATABASE_URL: db!.url, DB_POOL_SIZE: '20' },
      settings: { joinedRoomCap: JOINED_ROOM_CAP },
    });
  });
  afterAll(async () => {
    await svc?.close();
    await db?.drop();
  });

  const call = (method: string, path: string, body?: unknown) => svc.call(method, svc.appPath(path), { body });
  const data = async (method: string, path: string, body?: unknown) => {
    const response = await call(method, path, body);
    if (response.status !== 200) throw new Error(`${method} ${path} → ${response.status} ${response.text}`);
    return response.body.data;
  };
  const details = async (id: string) => (await data('GET', `/chatrooms/${id}`))[0];
  const statuses = (responses: readonly HttpResponse[]) =>
    responses.reduce<Record<number, number>>((acc, r) => ({ ...acc, [r.status]: (acc[r.status] ?? 0) + 1 }), {});

  it('walks every group once: members, admins, super admins, mutes, lists, announcement, attributes', async () => {
    await registerUsers(svc, 'wo', 'wa', 'wb', 'wc');
    const id = await createRoom(svc, 'wo');

    expect(await data('POST', `/chatrooms/${id}/users/WA`)).toEqual({
      result: true,
      action: 'add_member',
      id,
      user: 'wa',
    });
    expect(await data('POST', `/chatrooms/${id}/users`, { usernames: ['wb', 'wc', 'wa'] })).toEqual({
      newmembers: ['wb', 'wc', 'wa'],
      action: 'add_member',
      id,
    });
    expect(await data('GET', `/chatrooms/${id}/users?pagenum=1&pagesize=10`)).toEqual([
      { owner: 'wo' },
      { member: 'wa' },
      { member: 'wb' },
      { member: 'wc' },
    ]);

    expect(await data('POST', `/chatrooms/${id}/admin`, { newadmin: 'wa' })).toEqual({
      result: 'success',
      newadmin: 'wa',
    });
    expect(await data('GET', `/chatrooms/${id}/admin`)).toEqual(['wa']);
    expect(await data('DELETE', `/chatrooms/${id}/admin/wa`)).toEqual({ result: 'success', oldadmin: 'wa' });

    expect(await data('POST', '/chatrooms/super_admin', { superadmin: 'wc' })).toEqual({
      result: 'success',
      resource: '',
    });
    expect(await data('GET', '/chatrooms/super_admin')).toEqual(['wc']);
    expect(await data('DELETE', '/chatrooms/super_admin/wc')).toEqual({ newSuperAdmin: 'wc', resource: '' });

    const muted = await data('POST', `/chatrooms/${id}/mute`, { usernames: ['wa', 'wb'], mute_duration: -1 });
    expect(muted).toEqual([
      { result: true, expire: -1, user: 'wa' },
      { result: true, expire: -1, user: 'wb' },
    ]);
    expect(await data('DELETE', `/chatrooms/${id}/mute/wa%2Cwb`)).toEqual([
      { result: true, user: 'wa' },
      { result: true, user: 'wb' },
    ]);
    const timed = await data('POST', `/chatrooms/${id}/mute`, { usernames: ['wc'], mute_duration: 60_000 });
    expect(await data('GET', `/chatrooms/${id}/mute`)).toEqual([{ expire: timed[0].expire, user: 'wc' }]);
    expect(await data('POST', `/chatrooms/${id}/ban`)).toEqual({ mute: true });
    expect((await details(id)).mute).toBe(true);
    expect(await data('DELETE', `/chatrooms/${id}/ban`)).toEqual({ mute: false });

    expect(await data('POST', `/chatrooms/${id}/white/users/wb`)).toEqual({
      result: true,
      action: 'add_user_whitelist',
      user: 'wb',
      chatroomid: id,
    });
    expect(await data('GET', `/chatrooms/${id}/white/users`)).toEqual(['wb']);
    expect(await data('POST', `/chatrooms/${id}/blocks/users/wb`)).toEqual({
      result: true,
      action: 'add_blocks',
      user: 'wb',
      chatroomid: id,
    });
    // Blocking is leaving: the allowlist entry went with the membership.
    expect(await data('GET', `/chatrooms/${id}/white/users`)).toEqual([]);
    expect(await data('GET', `/chatrooms/${id}/blocks/users`)).toEqual(['wb']);
    expect(errorRow(await call('POST', `/chatrooms/${id}/users/wb`))).toEqual({
      status: 403,
      error: 'forbidden_op',
      error_description: `user wb is in the blocklist of chatroom ${id}`,
    });
    expect(await data('DELETE', `/chatrooms/${id}/blocks/users/wb`)).toEqual({
      result: true,
      action: 'remove_blocks',
      user: 'wb',
      chatroomid: id,
    });

    expect(await data('POST', `/chatrooms/${id}/announcement`, { announcement: '公告 📢' })).toEqual({
      id,
      result: true,
    });
    expect(await data('GET', `/chatrooms/${id}/announcement`)).toEqual({ announcement: '公告 📢' });

    const set = await call('PUT', `/metadata/chatroom/${id}/user/wa`, { metaData: { k1: 'v1', 'bad key': 'x' } });
    expect(set.body).toMatchObject({
      action: 'put',
      data: { successKeys: ['k1'], errorKeys: { 'bad key': expect.any(String) } },
    });
    await call('PUT', `/metadata/chatroom/${id}/user/wa`, { metaData: { kept: 'k' }, autoDelete: 'NO_DELETE' });
    expect((await call('POST', `/metadata/chatroom/${id}`)).body.data).toEqual({ k1: 'v1', kept: 'k' });
    expect(await data('DELETE', `/chatrooms/${id}/users/wa`)).toEqual({
      result: true,
      action: 'remove_member',
      user: 'wa',
      id,
    });
    expect((await call('POST', `/metadata/chatroom/${id}`, { keys: ['k1', 'kept'] })).body.data).toEqual({ kept: 'k' });
    const removed = await call('DELETE', `/metadata/chatroom/${id}/user/wc/forced`, { keys: ['kept'] });
    expect(removed.body).toMatchObject({ status: 'ok', data: { successKeys: ['kept'], errorKeys: {} } });

    const batch = await data('DELETE', `/chatrooms/${id}/users/wb,wc,wo`);
    expect(batch.map((r: { user: string; result: boolean }) => [r.user, r.result])).toEqual([
      ['wb', false],
      ['wc', true],
      ['wo', false],
    ]);
    const room = await details(id);
    expect(room.affiliations).toEqual([{ owner: 'wo' }]);
    expect(room.affiliations_count).toBe(1);
  });

  it('answers the error rows from the real store', async () => {
    await registerUsers(svc, 'eo', 'em', 'eout');
    const id = await createRoom(svc, 'eo', { members: ['em'] });
    const rows = await Promise.all([
      call('DELETE', `/chatrooms/${id}/users/eo`),
      call('DELETE', `/chatrooms/${id}/users/eout`),
      call('POST', `/chatrooms/${id}/admin`, { newadmin: 'eo' }),
      call('DELETE', `/chatrooms/${id}/admin/em`),
      call('POST', `/chatrooms/${id}/blocks/users/eo`),
      call('POST', `/chatrooms/${id}/mute`, { usernames: ['eout'], mute_duration: 1 }),
      call('PUT', `/metadata/chatroom/${id}/user/eout`, { metaData: { k: 'v' } }),
      call('GET', '/chatrooms/999999/users'),
      call('POST', '/chatrooms/999999/announcement', { announcement: 'x' }),
    ]);
    expect(rows.map(errorRow)).toEqual([
      { status: 403, error: 'forbidden_op', error_description: `can not remove the owner of chatroom ${id}` },
      { status: 400, error: 'forbidden_op', error_description: 'users [eout] are not members of this group!' },
      { status: 400, error: 'forbidden_op', error_description: `the owner of chatroom ${id} can not be an admin` },
      { status: 400, error: 'forbidden_op', error_description: `user em is not an admin of chatroom ${id}` },
      { status: 403, error: 'forbidden_op', error_description: `can not block the owner of chatroom ${id}` },
      { status: 400, error: 'forbidden_op', error_description: 'users [eout] are not members of this group!' },
      { status: 401, error: 'MetadataException', error_description: 'user is not in chatroom' },
      { status: 404, error: 'service_resource_not_found', error_description: 'do not find this group:999999' },
      { status: 404, error: 'resource_not_found', error_description: 'grpID 999999 does not exist!' },
    ]);
  });

  describe('concurrency through HTTP', () => {
    it('300 parallel single additions to a room of maxusers 100 → exactly 100 members, count = real count', async () => {
      const users = await registerMany(svc, 'hot', 300);
      await registerUsers(svc, 'hotowner');
      const id = await createRoom(svc, 'hotowner', { maxusers: 100 });
      const results = await Promise.all(users.map((u) => call('POST', `/chatrooms/${id}/users/${u}`)));
      expect(statuses(results)).toEqual({ 200: 99, 403: 201 });
      for (const refused of results.filter((r) => r.status === 403)) {
        expect(refused.body.error_description).toBe('members size is greater than max user size !');
      }
      const room = await details(id);
      expect(room.affiliations_count).toBe(100);
      expect(room.affiliations).toHaveLength(100);
      const listed = await data('GET', `/chatrooms/${id}/users`);
      expect(new Set(listed.map((a: { owner?: string; member?: string }) => a.owner ?? a.member)).size).toBe(100);
      const admitted = results.filter((r) => r.status === 200).map((r) => r.body.data.user);
      expect(
        listed
          .slice(1)
          .map((a: { member: string }) => a.member)
          .sort(),
      ).toEqual(admitted.sort());
    }, 60_000);

    it('20 parallel batches of 10 into a room with room for 55 → whole batches only, never above the cap', async () => {
      const users = await registerMany(svc, 'bat', 200);
      await registerUsers(svc, 'batowner');
      const id = await createRoom(svc, 'batowner', { maxusers: 56 });
      const batches = Array.from({ length: 20 }, (_, i) => users.slice(i * 10, i * 10 + 10));
      const results = await Promise.all(
        batches.map((usernames) => call('POST', `/chatrooms/${id}/users`, { usernames })),
      );
      expect(statuses(results)).toEqual({ 200: 5, 403: 15 });
      const members = new Set(
        (await data('GET', `/chatrooms/${id}/users`)).map(
          (a: { owner?: string; member?: string }) => a.owner ?? a.member,
        ),
      );
      expect(members.size).toBe(51);
      batches.forEach((batch, i) => {
        const inRoom = batch.filter((u) => members.has(u)).length;
        expect(inRoom, `batch ${i}`).toBe(results[i]!.status === 200 ? 10 : 0);
      });
      expect((await details(id)).affiliations_count).toBe(51);
    }, 60_000);

    it(`a user racing to join 15 rooms at once ends in exactly ${JOINED_ROOM_CAP} (the joined-room cap)`, async () => {
      const owners = await registerMany(svc, 'capown', 15);
      await registerUsers(svc, 'racer');
      const rooms = await Promise.all(owners.map((owner) => createRoom(svc, owner)));
      const results = await Promise.all(rooms.map((id) => call('POST', `/chatrooms/${id}/users/racer`)));
      expect(statuses(results)).toEqual({ 200: JOINED_ROOM_CAP, 403: 15 - JOINED_ROOM_CAP });
      for (const refused of results.filter((r) => r.status === 403)) {
        expect(errorRow(refused)).toEqual({
          status: 403,
          error: 'exceeded_limit',
          error_description: 'can not join this group, reason:user racer has joined too many chatrooms!',
        });
      }
      expect((await call('GET', '/users/racer/joined_chatrooms')).body.count).toBe(JOINED_ROOM_CAP);
    }, 60_000);

    it('100 parallel promotions in a room of 150 members → exactly 99 admins', async () => {
      const users = await registerMany(svc, 'pro', 150);
      await registerUsers(svc, 'proowner');
      const id = await createRoom(svc, 'proowner', { members: users });
      const results = await Promise.all(
        users.slice(0, 100).map((newadmin) => call('POST', `/chatrooms/${id}/admin`, { newadmin })),
      );
      expect(statuses(results)).toEqual({ 200: 99, 403: 1 });
      expect(errorRow(results.find((r) => r.status === 403)!)).toEqual({
        status: 403,
        error: 'exceed_limit',
        error_description: `the number of admins of chatroom ${id} has reached the limit of 99`,
      });
      expect(await data('GET', `/chatrooms/${id}/admin`)).toHaveLength(99);
    }, 60_000);

    it('blocking users while they are being added and removed never leaves anyone both blocked and a member', async () => {
      const users = await registerMany(svc, 'blk', 30);
      await registerUsers(svc, 'blkowner');
      const id = await createRoom(svc, 'blkowner', { members: users });
      const results = await Promise.all(
        users.flatMap((u) => [
          call('POST', `/chatrooms/${id}/blocks/users/${u}`),
          call('POST', `/chatrooms/${id}/users/${u}`),
          call('DELETE', `/chatrooms/${id}/users/${u}`),
          call('POST', `/chatrooms/${id}/users/${u}`),
        ]),
      );
      expect(results.every((r) => r.status < 500)).toBe(true);
      const blocked = new Set(await data('GET', `/chatrooms/${id}/blocks/users`));
      const members = new Set(
        (await data('GET', `/chatrooms/${id}/users`)).map(
          (a: { owner?: string; member?: string }) => a.owner ?? a.member,
        ),
      );
      expect(users.filter((u) => blocked.has(u) && members.has(u))).toEqual([]);
      const room = await details(id);
      expect(room.affiliations_count).toBe(members.size);
    }, 60_000);

    it('50 members racing to set the same key → exactly one owns it, the others are told so', async () => {
      const users = await registerMany(svc, 'key', 50);
      await registerUsers(svc, 'keyowner');
      const id = await createRoom(svc, 'keyowner', { members: users });
      const results = await Promise.all(
        users.map((u) => call('PUT', `/metadata/chatroom/${id}/user/${u}`, { metaData: { topic: `by-${u}` } })),
      );
      expect(statuses(results)).toEqual({ 200: 50 });
      const winners = results.filter((r) => r.body.data.successKeys.includes('topic'));
      expect(winners).toHaveLength(1);
      for (const loser of results.filter((r) => !r.body.data.successKeys.includes('topic'))) {
        expect(loser.body.data.errorKeys).toEqual({ topic: 'others are not allowed to be set' });
      }
      const winner = users[results.indexOf(winners[0]!)];
      expect((await call('POST', `/metadata/chatroom/${id}`, { keys: ['topic'] })).body.data).toEqual({
        topic: `by-${winner}`,
      });
    }, 60_000);

    it('20 parallel sets of distinct keys in a room at 95 keys → exactly 100 keys', async () => {
      const users = await registerMany(svc, 'fill', 20);
      await registerUsers(svc, 'fillowner');
      const id = await createRoom(svc, 'fillowner', { members: users });
      for (let chunk = 0; chunk < 95; chunk += 10) {
        const keys = Array.from({ length: Math.min(10, 95 - chunk) }, (_, i) => [`base${chunk + i}`, 'v']);
        await data('PUT', `/metadata/chatroom/${id}/user/fillowner`, { metaData: Object.fromEntries(keys) });
      }
      const results = await Promise.all(
        users.map((u, i) => call('PUT', `/metadata/chatroom/${id}/user/${u}`, { metaData: { [`extra${i}`]: 'v' } })),
      );
      expect(statuses(results)).toEqual({ 200: 20 });
      expect(results.filter((r) => r.body.data.successKeys.length === 1)).toHaveLength(5);
      for (const refused of results.filter((r) => r.body.data.successKeys.length === 0)) {
        expect(Object.values(refused.body.data.errorKeys)).toEqual([
          `the number of attributes of chatroom ${id} has reached the limit of 100`,
        ]);
      }
      expect(Object.keys((await call('POST', `/metadata/chatroom/${id}`)).body.data)).toHaveLength(100);
    }, 60_000);
  });
});
