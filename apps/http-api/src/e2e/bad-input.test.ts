import { createTestDatabase } from '@chatroom/postgres-adapter/testing';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  badId,
  hugeText,
  malformedJson,
  notAnInteger,
  notAString,
  oddText,
  segment,
  type BadRequest,
} from '../testing/bad-input-arbitraries.js';
import { moderationBadRequests, moderationReads, seedModeration } from '../testing/bad-moderation-requests.js';
import { createRoom, registerUsers } from '../testing/fixtures.js';
import { startTestService, type TestService, type TestServiceOptions } from '../testing/http-harness.js';

/**
 * Bad input never yields a 5xx: malformed JSON, wrong types, huge strings, odd Unicode and
 * injection-looking ids, thrown at every endpoint, always get a 4xx JSON error envelope and
 * leave the data as it was. Run on the in-memory adapters (many cases) and on PostgreSQL
 * (fewer cases, but through the real SQL).
 */

const MODIFY_FIELDS = ['name', 'description', 'maxusers', 'newowner'];
const unknownKey = fc.string({ maxLength: 12 }).filter((k) => !MODIFY_FIELDS.includes(k) && k !== '__proto__');

function endpoints(room: string): Record<string, fc.Arbitrary<BadRequest>> {
  const createBase = { name: 'n', description: 'd', owner: 'seed_a' };
  return {
    'POST /token': fc.oneof(
      malformedJson.map((body) => ({ method: 'POST', path: '/token', body })),
      fc
        .record({ grant_type: notAString, client_id: oddText })
        .map((body) => ({ method: 'POST', path: '/token', body })),
      fc
        .record({ client_id: oddText, client_secret: oddText, ttl: fc.oneof(fc.integer(), notAnInteger) })
        .map((creds) => ({ method: 'POST', path: '/token', body: { grant_type: 'client_credentials', ...creds } })),
    ),
    'POST /users': fc.oneof(
      malformedJson.map((body) => ({ method: 'POST', path: '/users', body })),
      fc.record({ username: badId, password: oddText }).map((u) => ({ method: 'POST', path: '/users', body: u })),
      fc
        .record({ username: notAString, password: oddText })
        .map((u) => ({ method: 'POST', path: '/users', body: [u] })),
      fc.integer({ min: 61, max: 200 }).map((n) => ({
        method: 'POST',
        path: '/users',
        body: Array.from({ length: n }, (_, i) => ({ username: `bulk${i}`, password: 'pw' })),
      })),
    ),
    'GET /users/{username}': badId.map((id) => ({ method: 'GET', path: `/users/${segment(id)}` })),
    'DELETE /users/{username}': badId.map((id) => ({ method: 'DELETE', path: `/users/${segment(id)}` })),
    'GET /chatrooms': fc.oneof(
      oddText
        .filter((l) => !/^\s*\+?\d+\s*$/.test(l) || /^\s*\+?0+\s*$/.test(l))
        .map((limit) => ({ method: 'GET', path: `/chatrooms?limit=${segment(limit)}` })),
      oddText
        .filter((c) => !/^cr1[0-9a-z]{1,11}$/.test(c))
        .map((cursor) => ({ method: 'GET', path: `/chatrooms?cursor=${segment(cursor)}` })),
    ),
    'GET /users/{username}/joined_chatrooms': fc.oneof(
      badId.map((id) => ({ method: 'GET', path: `/users/${segment(id)}/joined_chatrooms` })),
      fc
        .constantFrom('pagenum', 'pagesize')
        .chain((name) => fc.constantFrom('0', '-1', '1.5', 'x', "1' OR 1=1").map((v) => `${name}=${segment(v)}`))
        .map((query) => ({ method: 'GET', path: `/users/seed_a/joined_chatrooms?${query}` })),
    ),
    'GET /chatrooms/{ids}': fc.oneof(
      fc.tuple(fc.array(badId, { minLength: 1, maxLength: 5 }), fc.constantFrom(',', '%2C')).map(([ids, sep]) => ({
        method: 'GET',
        path: `/chatrooms/${ids.map(segment).join(sep)}`,
      })),
      fc.integer({ min: 101, max: 300 }).map((n) => ({
        method: 'GET',
        path: `/chatrooms/${Array.from({ length: n }, (_, i) => i).join(',')}`,
      })),
    ),
    'POST /chatrooms': fc.oneof(
      malformedJson.map((body) => ({ method: 'POST', path: '/chatrooms', body })),
      hugeText(128).map((name) => ({ method: 'POST', path: '/chatrooms', body: { ...createBase, name } })),
      badId.map((owner) => ({ method: 'POST', path: '/chatrooms', body: { ...createBase, owner } })),
      badId.map((m) => ({ method: 'POST', path: '/chatrooms', body: { ...createBase, members: ['seed_b', m] } })),
      notAString.map((name) => ({ method: 'POST', path: '/chatrooms', body: { ...createBase, name } })),
      notAnInteger.map((maxusers) => ({ method: 'POST', path: '/chatrooms', body: { ...createBase, maxusers } })),
      badId.map((roomid) => ({ method: 'POST', path: '/chatrooms', body: { ...createBase, roomid } })),
    ),
    'PUT /chatrooms/{id}': fc.oneof(
      malformedJson.map((body) => ({ method: 'PUT', path: `/chatrooms/${room}`, body })),
      fc
        .tuple(unknownKey, fc.jsonValue())
        .map(([k, v]) => ({ method: 'PUT', path: `/chatrooms/${room}`, body: { name: 'changed', [k]: v } })),
      hugeText(512).map((description) => ({ method: 'PUT', path: `/chatrooms/${room}`, body: { description } })),
      notAnInteger.map((maxusers) => ({ method: 'PUT', path: `/chatrooms/${room}`, body: { maxusers } })),
      badId.map((newowner) => ({ method: 'PUT', path: `/chatrooms/${room}`, body: { newowner } })),
      fc
        .tuple(unknownKey, fc.jsonValue())
        .map(([k, v]) => ({ method: 'PUT', path: `/chatrooms/${room}`, body: { newowner: 'seed_b', [k]: v } })),
      badId.map((id) => ({ method: 'PUT', path: `/chatrooms/${segment(id)}`, body: { name: 'changed' } })),
    ),
    'DELETE /chatrooms/{id}': badId.map((id) => ({ method: 'DELETE', path: `/chatrooms/${segment(id)}` })),
    ...moderationBadRequests(room),
    'any path, bad org/app': fc
      .tuple(badId, badId, fc.constantFrom('/token', '/users', '/chatrooms', `/chatrooms/${room}`))
      .map(([org, app, rest]) => ({ method: 'GET', absolute: true, path: `/${segment(org)}/${segment(app)}${rest}` })),
  };
}

// ---- the property ---------------------------------------------------------------------------

async function fingerprint(svc: TestService, room: string): Promise<string> {
  const parts = await Promise.all([
    svc.call('GET', svc.appPath('/chatrooms?limit=1000')),
    svc.call('GET', svc.appPath(`/chatrooms/${room}`)),
    svc.call('GET', svc.appPath('/users/seed_a')),
    svc.call('GET', svc.appPath('/users/seed_b')),
    svc.call('GET', svc.appPath('/users/seed_b/joined_chatrooms')),
    ...moderationReads(room).map(([method, path]) => svc.call(method, svc.appPath(path))),
  ]);
  return JSON.stringify(parts.map((p) => [p.status, p.body.data, p.body.entities]));
}

function badInputSuite(runs: number, options: TestServiceOptions): void {
  let svc: TestService;
  let room = '';
  let before = '';
  beforeAll(async () => {
    svc = await startTestService(options);
    await registerUsers(svc, 'seed_a', 'seed_b', 'seed_c');
    room = await createRoom(svc, 'seed_a', { members: ['seed_b'] });
    await seedModeration(svc, room);
    before = await fingerprint(svc, room);
  });
  afterAll(() => svc?.close());

  it.each(Object.keys(endpoints('x')))('%s answers 4xx JSON envelopes and changes nothing', async (name) => {
    await fc.assert(
      fc.asyncProperty(endpoints(room)[name]!, async (req) => {
        const response = await svc.call(req.method, req.absolute ? req.path : svc.appPath(req.path), {
          body: req.body,
          headers: typeof req.body === 'string' ? { 'content-type': 'application/json' } : {},
        });
        const what = `${req.method} ${req.path.slice(0, 200)} → ${response.text.slice(0, 300)}`;
        expect(response.status, what).toBeGreaterThanOrEqual(400);
        expect(response.status, what).toBeLessThan(500);
        expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
        expect(response.body).toMatchObject({
          error: expect.any(String),
          error_description: expect.any(String),
          exception: expect.any(String),
        });
      }),
      { numRuns: runs },
    );
    expect(await fingerprint(svc, room)).toBe(before);
  });

  it('a body over the size limit → 413, nothing changes', async () => {
    const response = await svc.call('POST', svc.appPath('/chatrooms'), {
      body: { name: 'n', description: 'x'.repeat(1024 * 1024 + 1), owner: 'seed_a' },
    });
    expect(response.status).toBe(413);
    expect(await fingerprint(svc, room)).toBe(before);
  });
}

describe('bad input on the in-memory adapters', () => {
  badInputSuite(120, {});
});

const database = await createTestDatabase();
if (!database) console.warn('Bad-input tests on PostgreSQL skipped: no TEST_DATABASE_URL and no Docker engine.');

describe.skipIf(!database)('bad input on PostgreSQL', () => {
  afterAll(() => database?.drop());
  badInputSuite(25, { inMemory: false, env: { DATABASE_URL: database?.url ?? '' } });
});
