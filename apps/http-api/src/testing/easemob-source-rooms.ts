import { expect } from 'vitest';
import type { TestService } from './http-harness.js';

/** The source's rooms of every shape, filled through the API; `rooms` names them by shape. */
export interface FilledSource {
  readonly rooms: { empty: string; full: string; moderated: string; decorated: string; custom: string; big: string };
  /** The timed mute's end in the moderated room. */
  readonly muteEnd: number;
}

/**
 * Fills a source service (an instance of this one: the same wire as Easemob) through its REST
 * API: an empty room, a full one, one with every kind of moderation, one with an announcement
 * and attributes, one with a caller-chosen id, and one with more members than a page holds.
 * The source app needs custom room ids allowed and a joined-room cap above 2.
 */
export async function fillSource(source: TestService, bigMembers = 1_200): Promise<FilledSource> {
  const ok = async (method: string, path: string, body?: unknown) => {
    const r = await source.call(method, source.appPath(path), body === undefined ? {} : { body });
    expect(r.status, `${method} ${path}: ${r.text}`).toBe(200);
    return r.body;
  };
  const users = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i + 1}`);
  const register = async (names: string[]) => {
    for (let i = 0; i < names.length; i += 60)
      await ok(
        'POST',
        '/users',
        names.slice(i, i + 60).map((username) => ({ username, password: 'pw' })),
      );
  };
  await register(['alice', 'bob', 'carol', 'dave', 'erin', 'frank', 'grace', 'heidi', ...users('m', bigMembers)]);
  const create = async (body: Record<string, unknown>) => (await ok('POST', '/chatrooms', body)).data.id as string;

  const empty = await create({ name: 'empty', description: 'nobody but the owner', owner: 'alice' });
  const full = await create({
    name: 'full',
    description: 'at its cap',
    owner: 'bob',
    maxusers: 4,
    members: ['carol', 'dave', 'erin'],
  });
  const moderated = await create({
    name: 'moderated',
    description: 'every list',
    owner: 'alice',
    maxusers: 50,
    members: ['bob', 'carol', 'dave', 'erin', 'frank', 'grace'],
    custom: 'k=v',
  });
  await ok('POST', `/chatrooms/${moderated}/admin`, { newadmin: 'bob' });
  await ok('POST', `/chatrooms/${moderated}/admin`, { newadmin: 'carol' });
  await ok('POST', `/chatrooms/${moderated}/mute`, { usernames: ['dave'], mute_duration: -1 });
  const muted = await ok('POST', `/chatrooms/${moderated}/mute`, { usernames: ['erin'], mute_duration: 3_600_000 });
  await ok('POST', `/chatrooms/${moderated}/blocks/users`, { usernames: ['frank'] });
  await ok('POST', `/chatrooms/${moderated}/white/users`, { usernames: ['grace', 'carol'] });
  await ok('POST', `/chatrooms/${moderated}/ban`);
  const decorated = await create({
    name: 'decorated',
    description: 'announcement and attributes',
    owner: 'carol',
    members: ['dave', 'heidi'],
  });
  await ok('POST', `/chatrooms/${decorated}/announcement`, { announcement: 'Welcome, all' });
  await ok('PUT', `/metadata/chatroom/${decorated}/user/dave`, {
    metaData: { topic: 'ducks', level: '3' },
    autoDelete: 'NO_DELETE',
  });
  await ok('PUT', `/metadata/chatroom/${decorated}/user/heidi`, { metaData: { mood: 'calm' } });
  const custom = await create({
    name: 'custom id',
    description: 'named by the customer',
    owner: 'dave',
    roomid: 'lobby42',
    members: ['alice'],
  });
  const big = await create({
    name: 'big',
    description: 'pages of members',
    owner: 'heidi',
    maxusers: bigMembers + 10,
    members: users('m', Math.min(100, bigMembers)),
  });
  const rest = users('m', bigMembers).slice(100);
  for (let i = 0; i < rest.length; i += 100)
    await ok('POST', `/chatrooms/${big}/users`, { usernames: rest.slice(i, i + 100) });
  await ok('POST', '/chatrooms/super_admin', { superadmin: 'grace' });
  return { rooms: { empty, full, moderated, decorated, custom, big }, muteEnd: muted.data[0].expire };
}
