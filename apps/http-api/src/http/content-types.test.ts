import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorRow, registerUsers } from '../testing/fixtures.js';
import { startTestService, type TestService } from '../testing/http-harness.js';

/**
 * decisions.md, Content types: Easemob's official server samples send their JSON bodies
 * declared as `application/x-www-form-urlencoded` (the PHP class: curl's default for a string
 * body) or with no Content-Type at all (the Node example: `http.request` with a JSON string).
 * A body that parses as JSON is accepted whatever its declared type; 415 only for a body that
 * does not parse and is declared as something other than JSON.
 */

let svc: TestService;
beforeAll(async () => {
  svc = await startTestService();
  await registerUsers(svc, 'olive');
});
afterAll(() => svc.close());

interface Raw {
  readonly status: number;
  readonly body: any;
}

/** A request as the samples send it: exactly these headers, nothing added (fetch would add a type). */
function raw(method: string, path: string, body: string, headers: Record<string, string>): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = request(`${svc.url}${path}`, {
      method,
      headers: { ...headers, 'content-length': Buffer.byteLength(body) },
    });
    req.on('response', (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode!, body: JSON.parse(text) }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const credentials = () =>
  JSON.stringify({ grant_type: 'client_credentials', client_id: svc.clientId, client_secret: svc.clientSecret });

describe("Easemob's PHP sample: JSON declared as application/x-www-form-urlencoded", () => {
  const FORM = { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' };

  it('gets a token, then creates a room with it', async () => {
    const token = await raw('POST', svc.appPath('/token'), credentials(), FORM);
    expect(token.status).toBe(200);
    expect(token.body.access_token).toEqual(expect.any(String));

    const created = await raw(
      'POST',
      svc.appPath('/chatrooms'),
      JSON.stringify({ name: 'php', description: 'from the PHP sample', owner: 'olive' }),
      { ...FORM, authorization: `Bearer ${token.body.access_token}` },
    );
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ action: 'post', data: { id: expect.any(String) } });
  });
});

describe("Easemob's Node sample: a JSON string with no Content-Type", () => {
  it('gets a token, then registers a user with it', async () => {
    const token = await raw('POST', svc.appPath('/token'), credentials(), {});
    expect(token.status).toBe(200);

    const created = await raw('POST', svc.appPath('/users'), JSON.stringify({ username: 'nodeuser', password: 'pw' }), {
      authorization: `Bearer ${token.body.access_token}`,
    });
    expect(created.status).toBe(200);
    expect(created.body.entities[0]).toMatchObject({ username: 'nodeuser' });
  });
});

describe('what stays refused', () => {
  it('a form-encoded body that is not JSON → 415 unsupported_media_type', async () => {
    const form = `grant_type=client_credentials&client_id=${svc.clientId}&client_secret=${svc.clientSecret}`;
    const response = await raw('POST', svc.appPath('/token'), form, {
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(errorRow(response)).toEqual({
      status: 415,
      error: 'unsupported_media_type',
      error_description: 'request body must be JSON',
    });
  });

  it('a body that is not JSON and declares no type → 415', async () => {
    const response = await raw('POST', svc.appPath('/token'), 'grant_type=client_credentials', {});
    expect(errorRow(response)).toMatchObject({ status: 415, error: 'unsupported_media_type' });
  });

  it('text/plain JSON is accepted; broken JSON declared as application/json stays a 400', async () => {
    const plain = await svc.call('POST', svc.appPath('/token'), {
      token: null,
      body: credentials(),
      headers: { 'content-type': 'text/plain' },
    });
    expect(plain.status).toBe(200);
    const broken = await svc.call('POST', svc.appPath('/token'), {
      token: null,
      body: '{"grant_type":',
      headers: { 'content-type': 'application/json' },
    });
    expect(errorRow(broken)).toEqual({
      status: 400,
      error: 'invalid_parameter',
      error_description: 'request body is not valid JSON',
    });
  });

  it('the size limit applies whatever the declared type (413)', async () => {
    const big = JSON.stringify({ grant_type: 'x'.repeat(2 * 1024 * 1024) });
    const response = await raw('POST', svc.appPath('/token'), big, {
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(errorRow(response)).toMatchObject({ status: 413, error: 'request_entity_too_large' });
  });
});
