import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRoom, errorRow, registerUsers } from '../../testing/fixtures.js';
import { startTestService, type TestService } from '../../testing/http-harness.js';
import { addOperator, operatorToken } from '../../testing/operators.js';
import { OPERATOR_ENDPOINTS, PROTECTED_ENDPOINTS } from '../../testing/endpoints.js';

/** The operator API on the in-memory store: who may call what, and the same use cases as the Easemob API. */
describe('operator API (/admin/v1)', () => {
  let svc: TestService;
  let admin: string;
  let viewer: string;

  beforeAll(async () => {
    svc = await startTestService({
      tokenThrottle: {
        perAddressAndClient: 3,
        perAddress: 50,
        perClientBeforeSlowdown: 20,
        slowdownMs: 1_000,
        windowSeconds: 60,
      },
    } as never);
    await addOperator(svc, 'ann', 'admin');
    await addOperator(svc, 'vic', 'viewer');
    admin = await operatorToken(svc, 'ann');
    viewer = await operatorToken(svc, 'vic');
    await registerUsers(svc, 'alice', 'bob', 'carol');
  });
  afterAll(() => svc?.close());

  it('a wrong password is 401 in the error body; the right one gives a token that lists the apps', async () => {
    const wrong = await svc.call('POST', '/admin/v1/token', {
      token: null,
      body: { username: 'ann', password: 'not-the-password' },
    });
    expect(errorRow(wrong)).toEqual({
      status: 401,
      error: 'unauthorized',
      error_description: 'wrong operator name or password',
    });
    const unknown = await svc.call('POST', '/admin/v1/token', {
      token: null,
      body: { username: 'nobody', password: 'whatever-long' },
    });
    expect(unknown.status).toBe(401);
    const apps = await svc.call('GET', '/admin/v1/apps', { token: admin });
    expect(apps.status).toBe(200);
    expect(apps.body.apps).toContainEqual(expect.objectContaining({ org: svc.org, name: svc.app, users: 3 }));
  });

  it('no operator endpoint opens with an app token, and no app endpoint with an operator token', async () => {
    const withAppToken = await svc.call('GET', '/admin/v1/apps', { token: svc.token });
    expect(errorRow(withAppToken)).toMatchObject({ status: 401, error: 'unauthorized' });
    const roomsWithAppToken = await svc.call('GET', `/admin/v1/apps/${svc.org}/${svc.app}/rooms`, { token: svc.token });
    expect(roomsWithAppToken.status).toBe(401);
    const appRouteWithOperatorToken = await svc.call('GET', svc.appPath('/chatrooms'), { token: admin });
    expect(errorRow(appRouteWithOperatorToken)).toMatchObject({ status: 401, error: 'auth_bad_access_token' });
    const noToken = await svc.call('GET', '/admin/v1/instance', { token: null });
    expect(noToken.status).toBe(401);
  });

  it('a webhook rule to a loopback, private or link-local address is refused (400) without WEBHOOK_ALLOW_PRIVATE', async () => {
    for (const url of ['http://127.0.0.1:5432/', 'http://169.254.169.254/latest/meta-data/', 'http://10.0.0.7/hook']) {
      const added = await svc.call('POST', `/admin/v1/apps/${svc.org}/${svc.app}/webhooks`, {
        token: admin,
        body: { url },
      });
      expect(errorRow(added)).toMatchObject({
        status: 400,
        error: 'invalid_parameter',
        error_description: expect.stringMatching(/^refused: /),
      });
    }
  });

  it('a viewer reads everything and changes nothing (403)', async () => {
    const id = await createRoom(svc, 'alice', { members: ['bob'] });
    expect((await svc.call('GET', `/admin/v1/apps/${svc.org}/${svc.app}/rooms/${id}`, { token: viewer })).status).toBe(
      200,
    );
    const refused = [
      await svc.call('POST', '/admin/v1/apps', { token: viewer, body: { org: 'v', name: 'nope' } }),
      await svc.call('DELETE', `/admin/v1/apps/${svc.org}/${svc.app}/rooms/${id}`, { token: viewer }),
      await svc.call('DELETE', `/admin/v1/apps/${svc.org}/${svc.app}/rooms/${id}/members/bob`, { token: viewer }),
      await svc.call('POST', `/admin/v1/apps/${svc.org}/${svc.app}/rooms/${id}/mutes`, {
        token: viewer,
        body: { usernames: ['bob'], duration: 60000 },
      }),
      await svc.call('POST', `/admin/v1/apps/${svc.org}/${svc.app}/revocations`, { token: viewer }),
    ];
    for (const response of refused) {
      expect(errorRow(response)).toEqual({
        status: 403,
        error: 'forbidden',
        error_description: 'only an operator with the admin role may change things',
      });
    }
    const room = await svc.call('GET', `/admin/v1/apps/${svc.org}/${svc.app}/rooms/${id}`, { token: viewer });
    expect(room.body.members).toEqual([
      { username: 'alice', role: 'owner' },
      { username: 'bob', role: 'member' },
    ]);
  });

  it('an admin creates an app (secret shown once), and mutes, removes and dissolves through the Easemob use cases', async () => {
    const made = await svc.call('POST', '/admin/v1/apps', { token: admin, body: { org: 'made', name: 'byconsole' } });
    expect(made.body).toEqual({
      org: 'made',
      name: 'byconsole',
      client_id: expect.stringMatching(/^YXA6/),
      client_secret: expect.any(String),
    });
    const listed = await svc.call('GET', '/admin/v1/apps', { token: admin });
    expect(JSON.stringify(listed.body)).not.toContain(made.body.client_secret);

    const id = await createRoom(svc, 'alice', { members: ['bob', 'carol'] });
    const base = `/admin/v1/apps/${svc.org}/${svc.app}/rooms/${id}`;
    const muted = await svc.call('POST', `${base}/mutes`, {
      token: admin,
      body: { usernames: ['bob'], duration: 60000 },
    });
    expect(muted.body.mutes).toEqual([{ username: 'bob', expires_at: expect.any(Number) }]);
    expect((await svc.call('DELETE', `${base}/members/carol`, { token: admin })).body).toEqual({ removed: 'carol' });
    const details = await svc.call('GET', base, { token: admin });
    expect(details.body.mutes.map((m: { username: string }) => m.username)).toEqual(['bob']);
    expect(details.body.members.map((m: { username: string }) => m.username)).toEqual(['alice', 'bob']);

    const trail = await svc.call('GET', `${base}/events?limit=10`, { token: admin });
    expect(trail.body.events.map((e: { operation: string }) => e.operation)).toEqual([
      'LEAVE',
      'MUTE',
      'JOIN',
      'CREATE',
    ]);

    expect((await svc.call('DELETE', base, { token: admin })).body).toEqual({ dissolved: id });
    const gone = await svc.call('GET', svc.appPath(`/chatrooms/${id}`));
    expect(gone.status).toBe(404);
  });

  it('rooms: keyset pages newest first, and search by id, name prefix and owner', async () => {
    const names = ['alpha one', 'alpha two', 'beta', 'alpha three'];
    const ids: string[] = [];
    for (const [i, name] of names.entries()) ids.push(await createRoom(svc, i === 2 ? 'carol' : 'alice', { name }));
    const rooms = `/admin/v1/apps/${svc.org}/${svc.app}/rooms`;
    const first = await svc.call('GET', `${rooms}?name=alpha&limit=2`, { token: viewer });
    expect(first.body.rooms.map((r: { name: string }) => r.name)).toEqual(['alpha three', 'alpha two']);
    const second = await svc.call('GET', `${rooms}?name=alpha&limit=2&cursor=${first.body.cursor}`, { token: viewer });
    expect(second.body.rooms.map((r: { name: string }) => r.name)).toEqual(['alpha one']);
    expect(second.body.cursor).toBeUndefined();
    const owned = await svc.call('GET', `${rooms}?owner=carol`, { token: viewer });
    expect(owned.body.rooms.map((r: { id: string }) => r.id)).toEqual([ids[2]]);
    const byId = await svc.call('GET', `${rooms}?id=${ids[1]}`, { token: viewer });
    expect(byId.body.rooms.map((r: { name: string }) => r.name)).toEqual(['alpha two']);
    const bad = await svc.call('GET', `${rooms}?limit=0`, { token: viewer });
    expect(bad.status).toBe(400);
  });

  it('the console page and its files forbid framing, sniffing, referrers and any other host', async () => {
    for (const path of ['/console', '/console/app.js', '/console/app.css']) {
      const response = await svc.call('GET', path, { token: null });
      expect(response.status).toBe(200);
      const csp = (response.headers.get('content-security-policy') ?? '').split('; ');
      expect(csp).toEqual(
        expect.arrayContaining([
          "default-src 'none'",
          "script-src 'self'",
          "connect-src 'self'",
          "frame-ancestors 'none'",
        ]),
      );
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    }
  });

  it('instance: readiness, version, and figures from the metrics registry', async () => {
    await svc.call('GET', svc.appPath('/chatrooms'));
    const first = await svc.call('GET', '/admin/v1/instance', { token: viewer });
    expect(first.body).toMatchObject({ ready: true, version: '0.1.0', store: 'memory' });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const second = await svc.call('GET', '/admin/v1/instance', { token: viewer });
    expect(second.body.window_seconds).toBeGreaterThan(0);
    expect(second.body.apps.map((a: { app: string }) => a.app)).toContain(`${svc.org}/${svc.app}`);
  });
});

describe('console session cookie', () => {
  let svc: TestService;
  beforeAll(async () => {
    svc = await startTestService({ env: { TRUSTED_PROXIES: '1' } });
    await addOperator(svc, 'ann', 'admin');
  });
  afterAll(() => svc?.close());

  const signIn = (origin: string | undefined, extra: Record<string, string> = {}) =>
    svc.call('POST', '/admin/v1/session', {
      token: null,
      headers: { ...(origin !== undefined && { origin }), ...extra },
      body: { username: 'ann', password: 'ann-password-long' },
    });

  it("is HttpOnly and SameSite=Strict, Secure only over TLS, and sign-in needs the service's own Origin", async () => {
    expect(errorRow(await signIn('https://evil.example'))).toMatchObject({ status: 403, error: 'forbidden' });
    expect((await signIn(undefined)).status).toBe(403);
    const plain = await signIn(svc.url);
    expect(plain.status).toBe(200);
    const cookie = plain.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^chatroom_operator=[^;]+; path=\/admin\/v1; expires=[^;]+; samesite=strict; httponly$/);
    const overTls = await signIn('https://console.example', {
      'x-forwarded-proto': 'https',
      'x-forwarded-host': 'console.example',
    });
    expect(overTls.headers.get('set-cookie')).toMatch(/; secure;|; secure$/);
  });

  it('a change with the cookie needs the same Origin; a read does not', async () => {
    const cookie = (await signIn(svc.url)).headers.get('set-cookie')!.split(';')[0]!;
    const read = await svc.call('GET', '/admin/v1/apps', { token: null, headers: { cookie } });
    expect(read.status).toBe(200);
    const forged = await svc.call('POST', '/admin/v1/apps', {
      token: null,
      headers: { cookie, origin: 'https://evil.example' },
      body: { org: 'x', name: 'y' },
    });
    expect(errorRow(forged)).toEqual({
      status: 403,
      error: 'forbidden',
      error_description: 'a change from the console must come from its own origin',
    });
    const noOrigin = await svc.call('POST', '/admin/v1/apps', {
      token: null,
      headers: { cookie },
      body: { org: 'x', name: 'y' },
    });
    expect(noOrigin.status).toBe(403);
    const same = await svc.call('POST', '/admin/v1/apps', {
      token: null,
      headers: { cookie, origin: svc.url },
      body: { org: 'x', name: 'y' },
    });
    expect(same.status).toBe(200);
    const out = await svc.call('DELETE', '/admin/v1/session', { token: null, headers: { cookie, origin: svc.url } });
    expect(out.headers.get('set-cookie')).toMatch(/^chatroom_operator=;/);
  });

  it('a new password ends the sessions made with the old one', async () => {
    const cookie = (await signIn(svc.url)).headers.get('set-cookie')!.split(';')[0]!;
    const token = await operatorToken(svc, 'ann');
    const changed = await svc.call('PUT', '/admin/v1/session/password', {
      token,
      body: { password: 'a brand new passphrase' },
    });
    expect(changed.body).toEqual({ name: 'ann', role: 'admin', must_change_password: false });
    expect((await svc.call('GET', '/admin/v1/session', { token: null, headers: { cookie } })).status).toBe(401);
    expect((await svc.call('GET', '/admin/v1/session', { token })).status).toBe(401);
    await operatorToken(svc, 'ann', 'a brand new passphrase');
  });

  it('failed sign-ins are throttled per name as /token is (429 with Retry-After)', async () => {
    let last;
    for (let i = 0; i < 11; i++) {
      last = await svc.call('POST', '/admin/v1/token', {
        token: null,
        body: { username: 'ann', password: `wrong-${i}` },
      });
    }
    expect(last!.status).toBe(429);
    expect(Number(last!.headers.get('retry-after'))).toBeGreaterThan(0);
    const right = await svc.call('POST', '/admin/v1/token', {
      token: null,
      body: { username: 'ann', password: 'a brand new passphrase' },
    });
    expect(right.status).toBe(429);
  });
});

describe('every operator route, from the router', () => {
  let svc: TestService;
  let viewer: string;
  beforeAll(async () => {
    svc = await startTestService();
    await addOperator(svc, 'vic', 'viewer');
    viewer = await operatorToken(svc, 'vic');
  });
  afterAll(() => svc?.close());

  it('the sweep covers the operator API (the list is not empty)', () => {
    expect(OPERATOR_ENDPOINTS.length).toBeGreaterThan(20);
  });

  it.each(OPERATOR_ENDPOINTS.map((e) => [e.label, e] as const))(
    '%s refuses an app token (401)',
    async (_label, endpoint) => {
      const response = await svc.call(endpoint.method, endpoint.path, { token: svc.token, body: endpoint.body });
      expect(errorRow(response)).toMatchObject({ status: 401, error: 'unauthorized' });
    },
  );

  // A viewer's own session (sign out, change password) is theirs to change.
  const changes = OPERATOR_ENDPOINTS.filter((e) => e.change && !e.path.startsWith('/admin/v1/session'));
  it.each(changes.map((e) => [e.label, e] as const))('%s refuses a viewer (403)', async (_label, endpoint) => {
    const response = await svc.call(endpoint.method, endpoint.path, { token: viewer, body: endpoint.body });
    expect(errorRow(response)).toMatchObject({ status: 403, error: 'forbidden' });
  });

  it.each(PROTECTED_ENDPOINTS.map((e) => [e.label, e] as const))(
    '%s refuses an operator token (401)',
    async (_label, endpoint) => {
      const response = await svc.call(endpoint.method, svc.appPath(endpoint.path), {
        token: viewer,
        body: endpoint.body,
      });
      expect(response.status).toBe(401);
    },
  );
});
