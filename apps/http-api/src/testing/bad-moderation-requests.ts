import fc from 'fast-check';
import {
  badId,
  badListItem,
  hugeText,
  malformedJson,
  notAnInteger,
  notAString,
  oddText,
  segment,
  type BadRequest,
} from './bad-input-arbitraries.js';
import type { TestService } from './http-harness.js';

/**
 * The bad-input property's requests for the members, roles and moderation endpoints.
 * Every one must be refused: either its input is bad, or it names an id that cannot exist.
 * `seed_a` owns `room`, `seed_b` is a member there, `seed_c` is a user outside it.
 */

/** Anything but a JSON object (an object of strings would be a valid `metaData`). */
const isNotAnObject = (v: unknown) => typeof v !== 'object' || v === null || Array.isArray(v);

/** A comma list (`,` or `%2C`) holding at least one id that is bad even after splitting. */
const badIdList = fc
  .tuple(fc.array(badListItem, { minLength: 1, maxLength: 4 }), fc.constantFrom(',', '%2C'))
  .map(([ids, sep]) => ids.map(segment).join(sep));

/** A `usernames` body that fails validation: a wrong type, a bad id among good ones, or too many. */
const badUsernamesBody = (max: number) =>
  fc.oneof(
    notAString.filter((v) => !Array.isArray(v)).map((usernames) => ({ usernames })),
    fc.array(notAString, { minLength: 1, maxLength: 3 }).map((bad) => ({ usernames: ['seed_b', ...bad] })),
    badId.map((id) => ({ usernames: ['seed_b', id] })),
    fc
      .integer({ min: max + 1, max: max + 50 })
      .map((n) => ({ usernames: Array.from({ length: n }, (_, i) => `u${i}`) })),
    fc.constant({ usernames: [] }),
    fc.constant({}),
  );

const badPageQuery = fc
  .constantFrom('pagenum', 'pagesize')
  .chain((name) => fc.constantFrom('0', '-1', '1.5', 'x', "1' OR 1=1", '1e3').map((v) => `${name}=${segment(v)}`));

/** JSON that is malformed, or a body of the wrong shape. */
const post = (path: string, bodies: fc.Arbitrary<unknown>): fc.Arbitrary<BadRequest> =>
  fc.oneof(malformedJson, bodies).map((body) => ({ method: 'POST', path, body }));

export function moderationBadRequests(room: string): Record<string, fc.Arbitrary<BadRequest>> {
  const r = `/chatrooms/${room}`;
  const get = (path: string): BadRequest => ({ method: 'GET', path });
  const del = (path: string): BadRequest => ({ method: 'DELETE', path });
  return {
    'GET /chatrooms/{id}/users': fc.oneof(
      badPageQuery.map((q) => get(`${r}/users?${q}`)),
      badId.map((id) => get(`/chatrooms/${segment(id)}/users`)),
    ),
    'POST /chatrooms/{id}/users/{username}': fc.oneof(
      badId.map((u) => ({ method: 'POST', path: `${r}/users/${segment(u)}` })),
      badId.map((id) => ({ method: 'POST', path: `/chatrooms/${segment(id)}/users/seed_c` })),
    ),
    'POST /chatrooms/{id}/users': post(`${r}/users`, badUsernamesBody(100)),
    'DELETE /chatrooms/{id}/users/{usernames}': fc.oneof(
      badIdList.map((list) => del(`${r}/users/${list}`)),
      badId.map((id) => del(`/chatrooms/${segment(id)}/users/seed_b`)),
    ),
    'GET /chatrooms/{id}/admin': badId.map((id) => get(`/chatrooms/${segment(id)}/admin`)),
    'POST /chatrooms/{id}/admin': post(
      `${r}/admin`,
      fc.oneof(notAString, badId, fc.constant('seed_a'), fc.constant('seed_c')).map((newadmin) => ({ newadmin })),
    ),
    'DELETE /chatrooms/{id}/admin/{oldadmin}': fc.oneof(
      badId.map((u) => del(`${r}/admin/${segment(u)}`)),
      fc.constantFrom('seed_a', 'seed_c', 'nobody').map((u) => del(`${r}/admin/${u}`)),
    ),
    'GET /chatrooms/super_admin': badPageQuery.map((q) => get(`/chatrooms/super_admin?${q}`)),
    'POST /chatrooms/super_admin': post(
      '/chatrooms/super_admin',
      fc.oneof(notAString, badId, fc.constant('nobody')).map((superadmin) => ({ superadmin })),
    ),
    'DELETE /chatrooms/super_admin/{superAdmin}': fc
      .oneof(badId.map(segment), fc.constant('nobody'))
      .map((u) => del(`/chatrooms/super_admin/${u}`)),
    'GET /chatrooms/{id}/mute': badId.map((id) => get(`/chatrooms/${segment(id)}/mute`)),
    'POST /chatrooms/{id}/mute': post(
      `${r}/mute`,
      fc.oneof(
        badUsernamesBody(100).map((body) => ({ ...body, mute_duration: 1000 })),
        fc
          .oneof(notAnInteger, fc.integer({ max: -2 }), fc.constant(1e300))
          .map((mute_duration) => ({ usernames: ['seed_b'], mute_duration })),
        fc.constant({ usernames: ['seed_c'], mute_duration: 1000 }),
      ),
    ),
    'DELETE /chatrooms/{id}/mute/{members}': badIdList.map((list) => del(`${r}/mute/${list}`)),
    'POST|DELETE /chatrooms/{id}/ban': fc
      .tuple(fc.constantFrom('POST', 'DELETE'), badId)
      .map(([method, id]) => ({ method, path: `/chatrooms/${segment(id)}/ban` })),
    ...userListBadRequests(r, 'blocks'),
    ...userListBadRequests(r, 'white'),
    'GET /chatrooms/{id}/announcement': badId.map((id) => get(`/chatrooms/${segment(id)}/announcement`)),
    'POST /chatrooms/{id}/announcement': post(
      `${r}/announcement`,
      fc.oneof(hugeText(512), notAString).map((announcement) => ({ announcement })),
    ),
    'PUT /metadata/chatroom/{id}/user/{username}[/forced]': fc
      .tuple(
        fc.constantFrom('', '/forced'),
        fc.oneof(
          fc.constant({ user: 'seed_b', body: {} }),
          malformedJson.map((body) => ({ user: 'seed_b', body })),
          notAString.filter(isNotAnObject).map((metaData) => ({ user: 'seed_b', body: { metaData } })),
          fc.tuple(fc.dictionary(fc.string(), fc.string(), { maxKeys: 3 }), notAString).map(([ok, bad]) => ({
            user: 'seed_b',
            body: { metaData: { ...ok, bad } },
          })),
          fc
            .dictionary(fc.string({ minLength: 1 }), fc.string(), { minKeys: 11, maxKeys: 20 })
            .map((metaData) => ({ user: 'seed_b', body: { metaData } })),
          fc
            .oneof(notAString, oddText)
            .filter((v) => v !== 'DELETE' && v !== 'NO_DELETE')
            .map((autoDelete) => ({ user: 'seed_b', body: { metaData: { k: 'v' }, autoDelete } })),
          fc.constant({ user: 'seed_c', body: { metaData: { k: 'v' } } }),
          badId.map((u) => ({ user: segment(u), body: { metaData: { k: 'v' } } })),
        ),
      )
      .map(([forced, { user, body }]) => ({
        method: 'PUT',
        path: `/metadata/chatroom/${room}/user/${user}${forced}`,
        body,
      })),
    'POST /metadata/chatroom/{id}': fc.oneof(
      // Not null (NaN and ±Infinity turn into null in JSON): no keys means "read everything".
      post(
        `/metadata/chatroom/${room}`,
        notAString
          .filter((v) => !Array.isArray(v) && !(typeof v === 'number' && !Number.isFinite(v)))
          .map((keys) => ({ keys })),
      ),
      badId.map((id) => ({ method: 'POST', path: `/metadata/chatroom/${segment(id)}` })),
    ),
    'DELETE /metadata/chatroom/{id}/user/{username}[/forced]': fc
      .tuple(
        fc.constantFrom('', '/forced'),
        fc.oneof(
          malformedJson,
          fc.constant({}),
          fc.constant({ keys: [] }),
          notAString.filter((v) => !Array.isArray(v)).map((keys) => ({ keys })),
          fc.array(fc.string(), { minLength: 11, maxLength: 20 }).map((keys) => ({ keys })),
        ),
      )
      .map(([forced, body]) => ({ method: 'DELETE', path: `/metadata/chatroom/${room}/user/seed_b${forced}`, body })),
  };
}

/** The blocklist (`blocks`) or the allowlist (`white`): add one, add a batch, remove. */
function userListBadRequests(r: string, segmentName: 'blocks' | 'white'): Record<string, fc.Arbitrary<BadRequest>> {
  const base = `${r}/${segmentName}/users`;
  const label = `/chatrooms/{id}/${segmentName}/users`;
  return {
    [`POST ${label}/{username}`]: fc
      .oneof(badId.map(segment), fc.constantFrom('seed_c', 'nobody', ...(segmentName === 'blocks' ? ['seed_a'] : [])))
      .map((u) => ({ method: 'POST', path: `${base}/${u}` })),
    [`POST ${label}`]: post(base, badUsernamesBody(60)),
    [`DELETE ${label}/{usernames}`]: badIdList.map((list) => ({ method: 'DELETE', path: `${base}/${list}` })),
  };
}

/** Gives the room some of everything the requests above must leave alone. */
export async function seedModeration(svc: TestService, room: string): Promise<void> {
  const calls: [string, string, unknown?][] = [
    ['POST', `/chatrooms/${room}/admin`, { newadmin: 'seed_b' }],
    ['POST', `/chatrooms/${room}/mute`, { usernames: ['seed_b'], mute_duration: -1 }],
    ['POST', `/chatrooms/${room}/white/users/seed_b`],
    ['POST', `/chatrooms/${room}/announcement`, { announcement: 'seeded' }],
    ['PUT', `/metadata/chatroom/${room}/user/seed_b`, { metaData: { seeded: 'yes' } }],
    ['POST', '/chatrooms/super_admin', { superadmin: 'seed_c' }],
  ];
  for (const [method, path, body] of calls) {
    const response = await svc.call(method, svc.appPath(path), { body });
    if (response.status !== 200) throw new Error(`seeding ${method} ${path} failed: ${response.text}`);
  }
}

/** What the moderation requests could change, read back for the before/after comparison. */
export function moderationReads(room: string): [string, string][] {
  return [
    ['GET', `/chatrooms/${room}/users`],
    ['GET', `/chatrooms/${room}/admin`],
    ['GET', `/chatrooms/${room}/mute`],
    ['GET', `/chatrooms/${room}/blocks/users`],
    ['GET', `/chatrooms/${room}/white/users`],
    ['GET', `/chatrooms/${room}/announcement`],
    ['GET', '/chatrooms/super_admin'],
    ['POST', `/metadata/chatroom/${room}`],
  ];
}
