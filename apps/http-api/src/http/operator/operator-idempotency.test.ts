import type { IdempotencyRunner, StoredResponse } from '@chatroom/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../ports/database.js';
import { TOKENS } from '../../ports/tokens.js';
import { createRoom, errorRow, registerUsers } from '../../testing/fixtures.js';
import { startTestService, type TestService } from '../../testing/http-harness.js';
import { addOperator, operatorToken } from '../../testing/operators.js';
import { OPERATOR_ENDPOINTS } from '../../testing/endpoints.js';
import { OPERATIONS } from '../openapi/operations.js';

/**
 * Idempotency-Key on the operator API over the in-memory store, with a runner that keeps the
 * first answer per (app, stored key) as the SQL runners do (their transactions are covered by
 * the PostgreSQL and MariaDB scenario, testing/operator-api-on-store.ts). What is checked here
 * is the HTTP side: which routes take a key, under which app and name it is kept, replay, reuse.
 */
describe('Idempotency-Key on /admin/v1 (in-memory store)', () => {
  let svc: TestService;
  let ann: string;
  let max: string;
  const kept = new Map<string, StoredResponse>();
  const asked: { appId: string; key: string }[] = [];
  const runner: IdempotencyRunner = {
    active: () => false,
    async execute(appId, key, _ttl, request) {
      asked.push({ appId, key });
      const stored = kept.get(`${appId}/${key}`);
      if (stored) await request.replay(stored);
      else {
        const response = await request.run();
        if (response) kept.set(`${appId}/${key}`, response);
      }
      return 'done';
    },
  };

  beforeAll(async () => {
    svc = await startTestService({
      customize(container) {
        const database = container.get<Database>(TOKENS.Database);
        container.rebind<Database>(TOKENS.Database).toConstantValue({ ...database, idempotency: runner });
      },
    });
    await addOperator(svc, 'ann', 'admin');
    await addOperator(svc, 'max', 'admin');
    ann = await operatorToken(svc, 'ann');
    max = await operatorToken(svc, 'max');
    await registerUsers(svc, 'alice', 'bob', 'carol');
  });
  afterAll(() => svc?.close());

  const keyed = (token: string, key: string) => ({ token, headers: { 'idempotency-key': key } });

  it('a repeated keyed mute gets the first answer, marked as replayed, and mutes once', async () => {
    const id = await createRoom(svc, 'alice', { members: ['bob'] });
    const mutes = `/admin/v1/apps/${svc.org}/${svc.app}/rooms/${id}/mutes`;
    const body = { usernames: ['bob'], duration: 60000 };
    const first = await svc.call('POST', mutes, { ...keyed(ann, 'mute-bob-1'), body });
    expect(first.status).toBe(200);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 5));
    const again = await svc.call('POST', mutes, { ...keyed(ann, 'mute-bob-1'), body });
    expect(again.status).toBe(200);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body).toEqual(first.body);
    const trail = await svc.call('GET', `/admin/v1/apps/${svc.org}/${svc.app}/rooms/${id}/events`, { token: ann });
    expect(trail.body.events.filter((e: { operation: string }) => e.operation === 'MUTE')).toHaveLength(1);
  });

  it('the same key on another request is refused as on the app routes (422 idempotency_key_reused)', async () => {
    const id = await createRoom(svc, 'alice', { members: ['bob', 'carol'] });
    const mutes = `/admin/v1/apps/${svc.org}/${svc.app}/rooms/${id}/mutes`;
    expect(
      (await svc.call('POST', mutes, { ...keyed(ann, 'reused'), body: { usernames: ['bob'], duration: 1000 } })).status,
    ).toBe(200);
    const other = await svc.call('POST', mutes, {
      ...keyed(ann, 'reused'),
      body: { usernames: ['carol'], duration: 1000 },
    });
    expect(errorRow(other)).toEqual({
      status: 422,
      error: 'idempotency_key_reused',
      error_description: 'Idempotency-Key was already used for a different request',
    });
    // The app routes answer the same to the same mistake.
    const appRoute = svc.appPath(`/chatrooms/${id}/mute`);
    expect(
      (
        await svc.call('POST', appRoute, {
          headers: { 'idempotency-key': 'app-reused' },
          body: { usernames: ['bob'], mute_duration: 1000 },
        })
      ).status,
    ).toBe(200);
    const appOther = await svc.call('POST', appRoute, {
      headers: { 'idempotency-key': 'app-reused' },
      body: { usernames: ['carol'], mute_duration: 1000 },
    });
    expect(errorRow(appOther)).toEqual(errorRow(other));
  });

  it('keys are per operator: another operator with the same key runs its own request; none meets an app key', async () => {
    const limits = `/admin/v1/apps/${svc.org}/${svc.app}/limits`;
    asked.length = 0;
    const byAnn = await svc.call('PUT', limits, { ...keyed(ann, 'same-key'), body: { room_quota: 700 } });
    const byMax = await svc.call('PUT', limits, { ...keyed(max, 'same-key'), body: { room_quota: 800 } });
    expect([byAnn.status, byMax.status]).toEqual([200, 200]);
    expect(byMax.headers.get('idempotent-replayed')).toBeNull();
    expect(byMax.body.room_quota).toBe(800);
    const appId = byAnn.body.id;
    expect(asked.map((a) => a.appId)).toEqual([appId, appId]);
    expect(asked[0]!.key).toMatch(/^operator [0-9a-f]{64}$/);
    expect(asked[1]!.key).toMatch(/^operator [0-9a-f]{64}$/);
    expect(asked[0]!.key).not.toBe(asked[1]!.key);
    // Ann's repeat replays hers, though the limit has moved on since.
    const annAgain = await svc.call('PUT', limits, { ...keyed(ann, 'same-key'), body: { room_quota: 700 } });
    expect(annAgain.headers.get('idempotent-replayed')).toBe('true');
    expect(annAgain.body).toEqual(byAnn.body);
  });

  it('a change with no app to keep the key with, or whose answer shows a secret, refuses a key (400) and changes nothing', async () => {
    const cases = [
      ['POST', '/admin/v1/apps', { org: 'keyed', name: 'made' }],
      ['POST', `/admin/v1/apps/${svc.org}/${svc.app}/secret`, undefined],
      ['POST', `/admin/v1/apps/${svc.org}/${svc.app}/webhooks`, { url: 'https://example.com/hook' }],
      ['DELETE', `/admin/v1/apps/${svc.org}/${svc.app}`, undefined],
      ['PUT', '/admin/v1/session/password', { password: 'another long passphrase' }],
    ] as const;
    for (const [method, path, body] of cases) {
      const refused = await svc.call(method, path, { ...keyed(ann, 'k-1'), body });
      expect(errorRow(refused), `${method} ${path}`).toMatchObject({
        status: 400,
        error: 'invalid_parameter',
        error_description: expect.stringMatching(/^Idempotency-Key is not taken here: /),
      });
    }
    const apps = await svc.call('GET', '/admin/v1/apps', { token: ann });
    expect(apps.body.apps.map((a: { org: string }) => a.org)).not.toContain('keyed');
    expect((await svc.call('GET', svc.appPath('/chatrooms'))).status).toBe(200); // the secret and the app are still there
    expect((await svc.call('GET', '/admin/v1/session', { token: ann })).status).toBe(200); // the password too
  });

  it('a malformed key is 400 as on the app routes; a key on a read is ignored', async () => {
    const id = await createRoom(svc, 'alice');
    const dissolve = `/admin/v1/apps/${svc.org}/${svc.app}/rooms/${id}`;
    const bad = await svc.call('DELETE', dissolve, { ...keyed(ann, 'with space') });
    expect(errorRow(bad)).toMatchObject({ status: 400, error: 'invalid_parameter' });
    expect((await svc.call('GET', dissolve, { ...keyed(ann, 'read-key') })).status).toBe(200);
  });
});

describe('every operator change, from the router: takes a key exactly when its operation says so', () => {
  let svc: TestService;
  let admin: string;
  beforeAll(async () => {
    svc = await startTestService();
    await addOperator(svc, 'ann', 'admin');
    admin = await operatorToken(svc, 'ann');
  });
  afterAll(() => svc?.close());

  const changes = OPERATOR_ENDPOINTS.filter((e) => e.change);
  it.each(changes.map((e) => [e.label, e] as const))('%s', async (label, endpoint) => {
    const op = OPERATIONS.find((o) => `${o.method.toUpperCase()} ${o.path}` === label)!;
    expect(op, label).toBeDefined();
    const response = await svc.call(endpoint.method, endpoint.path, {
      token: admin,
      headers: { 'idempotency-key': 'sweep-key' },
      body: endpoint.body,
    });
    const refusedKey =
      response.status === 400 && /^Idempotency-Key is not taken here/.test(response.body.error_description);
    expect(refusedKey, `${label} → ${response.status} ${response.text}`).toBe(!op.keyed);
  });
});

describe('limits of an app through the operator API (in-memory store)', () => {
  let svc: TestService;
  let admin: string;
  beforeAll(async () => {
    svc = await startTestService();
    await addOperator(svc, 'ann', 'admin');
    admin = await operatorToken(svc, 'ann');
  });
  afterAll(() => svc?.close());

  it('every per-app limit is shown, settable one at a time (the others keep their values), and applied', async () => {
    const app = `/admin/v1/apps/${svc.org}/${svc.app}`;
    const before = await svc.call('GET', app, { token: admin });
    expect(before.body).toMatchObject({
      rate_limit: 'off',
      room_quota: 100000,
      maxusers_ceiling: 10000,
      joined_room_cap: 10000,
      custom_room_ids: true,
    });
    const set = await svc.call('PUT', `${app}/limits`, {
      token: admin,
      body: { maxusers_ceiling: 50, custom_room_ids: false },
    });
    expect(set.body).toMatchObject({
      rate_limit: 'off',
      room_quota: 100000,
      maxusers_ceiling: 50,
      joined_room_cap: 10000,
      custom_room_ids: false,
    });
    expect((await svc.call('GET', '/admin/v1/apps', { token: admin })).body.apps[0]).toMatchObject({
      maxusers_ceiling: 50,
      custom_room_ids: false,
    });
    // Applied by the Easemob API (the app cache of the test service keeps nothing).
    await registerUsers(svc, 'alice');
    const tooBig = await svc.call('POST', svc.appPath('/chatrooms'), {
      body: { name: 'big', owner: 'alice', maxusers: 51 },
    });
    expect(tooBig.status).toBe(400);
    const quota = await svc.call('PUT', `${app}/limits`, {
      token: admin,
      body: { room_quota: 1, joined_room_cap: 3, rate_limit: 'easemob' },
    });
    expect(quota.body).toMatchObject({
      rate_limit: 'easemob',
      room_quota: 1,
      joined_room_cap: 3,
      maxusers_ceiling: 50,
    });
  });

  it('bad limits are 400 naming the field, and an empty change is 400', async () => {
    const limits = `/admin/v1/apps/${svc.org}/${svc.app}/limits`;
    for (const body of [
      { room_quota: 0 },
      { joined_room_cap: 1.5 },
      { maxusers_ceiling: 1_000_000_001 },
      { custom_room_ids: 'yes' },
      { rate_limit: 'fast' },
      { nope: 1 },
      {},
    ]) {
      const refused = await svc.call('PUT', limits, { token: admin, body });
      expect(errorRow(refused), JSON.stringify(body)).toMatchObject({ status: 400, error: 'invalid_parameter' });
    }
  });
});
