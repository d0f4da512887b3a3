import { request } from 'node:http';
import { connect } from 'node:net';
import { UnavailableError } from '@chatroom/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../ports/database.js';
import { TOKENS } from '../ports/tokens.js';
import { FaultyDatabase } from '../testing/faulty-database.js';
import { createRoom, errorRow, registerUsers } from '../testing/fixtures.js';
import { startTestService, type HttpResponse, type TestService } from '../testing/http-harness.js';

let svc: TestService;
let db: FaultyDatabase;
beforeAll(async () => {
  svc = await startTestService({
    env: { BODY_LIMIT: '2kb' },
    customize: (container) => {
      const inner = container.get<Database>(TOKENS.Database);
      db = new FaultyDatabase(inner);
      container.rebind<Database>(TOKENS.Database).toConstantValue(db);
    },
  });
  await registerUsers(svc, 'uma');
});
afterAll(() => svc.close());

const JSON_TYPE = 'application/json; charset=utf-8';

/** fetch cannot send a body with GET, so this goes through node:http. */
function rawStatus(method: string, path: string, body: string, type: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(`${svc.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${svc.token}`,
        'content-type': type,
        'content-length': Buffer.byteLength(body),
      },
    });
    req.on('response', (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode!));
    });
    req.on('error', reject);
    req.end(body);
  });
}

function expectJsonError(response: HttpResponse, status: number, error: string, description: string) {
  expect(response.headers.get('content-type')).toBe(JSON_TYPE);
  expect(response.headers.get('x-request-id')).toBeTruthy();
  expect(errorRow(response)).toEqual({ status, error, error_description: description });
}

describe('transport errors are JSON envelopes', () => {
  it('unknown path → 404 service_resource_not_found', async () => {
    expectJsonError(
      await svc.call('GET', '/nothing/here/at/all'),
      404,
      'service_resource_not_found',
      'Service resource not found',
    );
    expectJsonError(await svc.call('GET', '/'), 404, 'service_resource_not_found', 'Service resource not found');
  });

  it('known path, wrong verb → 405 method_not_allowed with Allow', async () => {
    const response = await svc.call('PATCH', svc.appPath('/chatrooms/1'));
    expectJsonError(response, 405, 'method_not_allowed', 'Method PATCH is not allowed on this resource');
    expect(response.headers.get('allow')).toBe('HEAD, GET, PUT, DELETE');
    expect((await svc.call('OPTIONS', svc.appPath('/chatrooms'))).status).toBe(405);
  });

  it.each(['PUT', 'DELETE'])(
    'a literal path with a verb it lacks (%s /chatrooms/super_admin) → 405 with Allow, not a room 404',
    async (method) => {
      const response = await svc.call(method, svc.appPath('/chatrooms/super_admin'), {
        body: method === 'PUT' ? { name: 'n' } : undefined,
      });
      expectJsonError(response, 405, 'method_not_allowed', `Method ${method} is not allowed on this resource`);
      expect(response.headers.get('allow')).toBe('HEAD, GET, POST');
    },
  );

  it('the parameter routes beside a literal one still answer (a room id, a super admin removal)', async () => {
    expect(errorRow(await svc.call('PUT', svc.appPath('/chatrooms/999999'), { body: { name: 'n' } }))).toMatchObject({
      status: 404,
      error: 'resource_not_found',
    });
    expect((await svc.call('DELETE', svc.appPath('/chatrooms/super_admin/uma'))).status).toBe(200);
  });

  it('unknown org/app → 404 organization_application_not_found', async () => {
    expectJsonError(
      await svc.call('GET', '/no/such/chatrooms'),
      404,
      'organization_application_not_found',
      'Could not find application for no/such from URI: no/such/chatrooms',
    );
  });

  it('malformed JSON → 400 invalid_parameter', async () => {
    for (const body of ['{"name":', '{name: 1}', '{"a":1}}', "{'a':1}", '  ', '{"__proto__":{"x":1}}']) {
      const response = await svc.call('POST', svc.appPath('/chatrooms'), { body });
      expectJsonError(response, 400, 'invalid_parameter', 'request body is not valid JSON');
    }
  });

  it('a body over BODY_LIMIT → 413 request_entity_too_large', async () => {
    const response = await svc.call('POST', svc.appPath('/chatrooms'), {
      body: { name: 'n', description: 'd'.repeat(3000), owner: 'uma' },
    });
    expectJsonError(response, 413, 'request_entity_too_large', 'request body exceeds the limit of 2048 bytes');
  });

  it('a body that is not JSON, declared as something else than JSON → 415 unsupported_media_type', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'application/xml']) {
      const response = await svc.call('POST', svc.appPath('/chatrooms'), {
        body: type === 'application/xml' ? '<room name="n"/>' : 'name=n&description=d&owner=uma',
        headers: { 'content-type': type },
      });
      expectJsonError(response, 415, 'unsupported_media_type', 'request body must be JSON');
    }
  });

  it('a malformed HTTP request still gets a JSON 400', async () => {
    const raw = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(new URL(svc.url).port), '127.0.0.1');
      let data = '';
      socket.on('data', (chunk) => (data += chunk));
      socket.on('end', () => resolve(data));
      socket.on('error', reject);
      socket.write('GARBAGE / HTTP/1.1\r\nHost: x\r\n\r\n');
    });
    expect(raw).toMatch(/^HTTP\/1.1 400/);
    expect(raw).toContain('application/json');
    expect(JSON.parse(raw.slice(raw.indexOf('\r\n\r\n') + 4)).error).toBe('invalid_parameter');
  });
});

describe('request bodies and media types', () => {
  it('accepts a charset parameter on the media type', async () => {
    const response = await svc.call('POST', svc.appPath('/chatrooms'), {
      body: JSON.stringify({ name: 'ü', description: 'd', owner: 'uma' }),
      headers: { 'content-type': 'application/json; charset=UTF-8' },
    });
    expect(response.status).toBe(200);
  });

  it('a POST with no body at all reads as {} (→ the first missing field)', async () => {
    const response = await svc.call('POST', svc.appPath('/chatrooms'));
    expectJsonError(response, 400, 'invalid_parameter', 'name must be provided');
    const typed = await svc.call('POST', svc.appPath('/chatrooms'), {
      headers: { 'content-type': 'application/json' },
    });
    expectJsonError(typed, 400, 'invalid_parameter', 'name must be provided');
  });

  it('GET and DELETE ignore a body, JSON or not', async () => {
    const id = await createRoom(svc, 'uma');
    const path = svc.appPath(`/chatrooms/${id}`);
    expect(await rawStatus('GET', path, '{}', 'application/json')).toBe(200);
    expect(await rawStatus('GET', path, '{not json', 'application/json')).toBe(200);
    expect(await rawStatus('DELETE', path, 'whatever', 'text/plain')).toBe(200);
  });

  it('every success is application/json; charset=utf-8 with an x-request-id', async () => {
    for (const path of ['/health', svc.appPath('/chatrooms'), svc.appPath('/users/uma')]) {
      const response = await svc.call('GET', path);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe(JSON_TYPE);
      expect(response.headers.get('x-request-id')).toBeTruthy();
    }
  });

  it('uri is the full URL without the query; X-Forwarded-Proto/Host are ignored without TRUSTED_PROXIES', async () => {
    const response = await svc.call('GET', svc.appPath('/chatrooms?limit=3'), {
      headers: { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'im.example.com' },
    });
    expect(response.body.uri).toBe(`${svc.url}${svc.appPath('/chatrooms')}`);
  });

  it('with TRUSTED_PROXIES=1, uri follows X-Forwarded-Proto/Host, and the scheme is only ever http or https', async () => {
    const proxied = await startTestService({ env: { TRUSTED_PROXIES: '1' } });
    try {
      const response = await proxied.call('GET', proxied.appPath('/chatrooms?limit=3'), {
        headers: { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'im.example.com' },
      });
      expect(response.body.uri).toBe(`https://im.example.com${proxied.appPath('/chatrooms')}`);
      const odd = await proxied.call('GET', proxied.appPath('/chatrooms'), {
        headers: { 'x-forwarded-proto': 'javascript', 'x-forwarded-host': 'im.example.com' },
      });
      expect(odd.body.uri).toBe(`http://im.example.com${proxied.appPath('/chatrooms')}`);
    } finally {
      await proxied.close();
    }
  });
});

describe('x-request-id', () => {
  it('echoes a well-formed incoming id, on success and on error, and logs with it', async () => {
    const ok = await svc.call('GET', svc.appPath('/chatrooms'), { headers: { 'x-request-id': 'abc-123_X.y' } });
    expect(ok.headers.get('x-request-id')).toBe('abc-123_X.y');
    const failed = await svc.call('GET', '/nope', { headers: { 'x-request-id': 'trace:42' } });
    expect(failed.headers.get('x-request-id')).toBe('trace:42');
    const line = svc.logs.find((l) => l.reqId === 'abc-123_X.y');
    expect(line).toMatchObject({
      method: 'GET',
      path: svc.appPath('/chatrooms'),
      status: 200,
      durationMs: expect.any(Number),
    });
  });

  it.each([['has spaces'], ['x'.repeat(129)], ['<script>'], ['ünïcode']])(
    'replaces a malformed id (%s) with a generated one',
    async (id) => {
      const response = await svc.call('GET', '/health', {
        headers: { 'x-request-id': encodeURI(id) === id ? id : encodeURIComponent(id) },
      });
      const echoed = response.headers.get('x-request-id')!;
      expect(echoed).toMatch(/^[0-9a-f-]{36}$/);
    },
  );

  it('generates distinct ids when none is sent', async () => {
    const a = (await svc.call('GET', '/health')).headers.get('x-request-id');
    const b = (await svc.call('GET', '/health')).headers.get('x-request-id');
    expect(a).toMatch(/^[0-9a-f-]{36}$/);
    expect(a).not.toBe(b);
  });
});

describe('failures of the store and bugs', () => {
  it('an unexpected error → 500 internal_error, no stack or SQL in the response, logged with the request id', async () => {
    db.failure = new Error('syntax error at "SELECT * FROM users" (/srv/app/src/x.ts:10)');
    try {
      const response = await svc.call('GET', svc.appPath('/chatrooms'), { headers: { 'x-request-id': 'bug-1' } });
      expectJsonError(response, 500, 'internal_error', 'Internal Server Error');
      expect(response.body.exception).toBe('InternalServerError');
      expect(response.text).not.toMatch(/SELECT|\/srv|\.ts|at /);
      const logged = svc.logs.find((l) => l.reqId === 'bug-1' && l.level === 50) as {
        err?: { message: string; stack: string };
      };
      expect(logged?.err?.message).toContain('SELECT');
      expect(logged?.err?.stack).toBeTruthy();
    } finally {
      db.failure = null;
    }
  });

  it('an unreachable store → 503 service_unavailable without its details; recovers by itself', async () => {
    db.failure = new UnavailableError('connect ECONNREFUSED 10.1.2.3:5432');
    try {
      const response = await svc.call('GET', svc.appPath('/chatrooms'));
      expectJsonError(response, 503, 'service_unavailable', 'Service unavailable');
      expect(response.text).not.toContain('10.1.2.3');
      expect((await svc.call('GET', '/ready')).status).toBe(503);
      expect((await svc.call('GET', '/health')).status).toBe(200);
    } finally {
      db.failure = null;
    }
    expect((await svc.call('GET', svc.appPath('/chatrooms'))).status).toBe(200);
    expect((await svc.call('GET', '/ready')).status).toBe(200);
  });
});

describe('GET /health and GET /ready', () => {
  it('/health → 200 {status: ok}', async () => {
    const response = await svc.call('GET', '/health', { token: null });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ok' });
  });

  it('/ready → 200 {status: ready} while the store answers', async () => {
    const response = await svc.call('GET', '/ready', { token: null });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ready' });
  });

  it('/ready → 503 service_unavailable when it does not', async () => {
    db.failure = new Error('down');
    try {
      expectJsonError(await svc.call('GET', '/ready'), 503, 'service_unavailable', 'Service unavailable');
    } finally {
      db.failure = null;
    }
  });

  it('HEAD /health → 200 with no body', async () => {
    const response = await svc.call('HEAD', '/health');
    expect(response.status).toBe(200);
    expect(response.text).toBe('');
  });
});
