import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorRow } from '../../testing/fixtures.js';
import { startTestService, type TestService } from '../../testing/http-harness.js';

let svc: TestService;
beforeAll(async () => {
  svc = await startTestService({ env: { TOKEN_TTL_SECONDS: '3600', TOKEN_MAX_TTL_SECONDS: '86400' } });
});
afterAll(() => svc.close());

function requestToken(body: unknown, path = svc.appPath('/token')) {
  return svc.call('POST', path, { token: null, body });
}

const credentials = () => ({
  grant_type: 'client_credentials',
  client_id: svc.clientId,
  client_secret: svc.clientSecret,
});

describe('POST /{org}/{app}/token', () => {
  it('issues an app token: a bare {access_token, expires_in, application} with the configured default lifetime', async () => {
    const response = await requestToken(credentials());
    expect(response.status).toBe(200);
    expect(Object.keys(response.body).sort()).toEqual(['access_token', 'application', 'expires_in']);
    expect(response.body.expires_in).toBe(3600);
    const app = await svc.useCases.findApp.execute(svc.org, svc.app, '');
    expect(response.body.application).toBe(app.id);
    const use = await svc.call('GET', svc.appPath('/chatrooms'), { token: response.body.access_token });
    expect(use.status).toBe(200);
  });

  it.each([
    [120, 120],
    [0, 86400],
    [10_000_000, 86400],
  ])('ttl %s gives expires_in %s (0 = the longest allowed, larger is cut to it)', async (ttl, expected) => {
    const response = await requestToken({ ...credentials(), ttl });
    expect(response.status).toBe(200);
    expect(response.body.expires_in).toBe(expected);
  });

  it('accepts null for ttl as "not given"', async () => {
    const response = await requestToken({ ...credentials(), ttl: null });
    expect(response.body.expires_in).toBe(3600);
  });

  it('a token stops working once its lifetime has passed', async () => {
    const { body } = await requestToken({ ...credentials(), ttl: 60 });
    svc.deps!.clock.advance(61_000);
    const response = await svc.call('GET', svc.appPath('/chatrooms'), { token: body.access_token });
    expect(errorRow(response)).toEqual({
      status: 401,
      error: 'unauthorized',
      error_description: 'Unable to authenticate due to expired access token',
    });
  });

  it.each(
    [
      [
        'grant_type missing',
        { client_id: 'x', client_secret: 'y' },
        400,
        'invalid_parameter',
        'grant_type must be provided',
      ],
      [
        'another grant_type',
        { grant_type: 'password', client_id: 'x', client_secret: 'y' },
        400,
        'unsupported_grant_type',
        'unsupported grant_type password',
      ],
      [
        'client_id missing',
        { grant_type: 'client_credentials', client_secret: 'y' },
        400,
        'illegal_argument',
        'client_id must be provided.',
      ],
      [
        'client_id null',
        { grant_type: 'client_credentials', client_id: null, client_secret: 'y' },
        400,
        'illegal_argument',
        'client_id must be provided.',
      ],
      [
        'client_secret missing',
        { grant_type: 'client_credentials', client_id: 'x' },
        400,
        'illegal_argument',
        'client_secret must be provided',
      ],
      [
        'ttl negative',
        { grant_type: 'client_credentials', client_id: 'x', client_secret: 'y', ttl: -1 },
        400,
        'invalid_parameter',
        'ttl must be a non-negative integer',
      ],
      [
        'ttl fractional',
        { grant_type: 'client_credentials', client_id: 'x', client_secret: 'y', ttl: 1.5 },
        400,
        'invalid_parameter',
        'ttl must be an integer',
      ],
      [
        'ttl a string',
        { grant_type: 'client_credentials', client_id: 'x', client_secret: 'y', ttl: '60' },
        400,
        'invalid_parameter',
        'ttl must be an integer',
      ],
      [
        'client_id a number',
        { grant_type: 'client_credentials', client_id: 7, client_secret: 'y' },
        400,
        'invalid_parameter',
        'client_id must be a string',
      ],
      ['body an array', [], 400, 'invalid_parameter', 'request body must be a JSON object'],
    ].map(([label, body, status, error, description]) => ({ label, body, status, error, description })),
  )('$label → $status $error', async ({ body, status, error, description }) => {
    expect(errorRow(await requestToken(body))).toEqual({ status, error, error_description: description });
  });

  it('wrong client_id → the very answer of a wrong secret (400 invalid_grant), right secret or not', async () => {
    for (const client_secret of [svc.clientSecret, 'guess']) {
      const response = await requestToken({ ...credentials(), client_id: 'someone-else', client_secret });
      expect(errorRow(response)).toEqual({
        status: 400,
        error: 'invalid_grant',
        error_description: 'client_secret does not match',
      });
      expect(response.body.exception).toBe('ClientSecretMismatchError');
    }
  });

  it('wrong client_secret → 400 invalid_grant', async () => {
    const response = await requestToken({ ...credentials(), client_secret: 'guess' });
    expect(errorRow(response)).toEqual({
      status: 400,
      error: 'invalid_grant',
      error_description: 'client_secret does not match',
    });
  });

  it('unknown org/app → 404 organization_application_not_found naming the URI', async () => {
    const response = await requestToken(credentials(), '/nope/none/token');
    expect(errorRow(response)).toEqual({
      status: 404,
      error: 'organization_application_not_found',
      error_description: 'Could not find application for nope/none from URI: nope/none/token',
    });
  });

  it('error bodies carry exception, timestamp and duration, and nothing else', async () => {
    const response = await requestToken({ ...credentials(), client_secret: 'guess' });
    expect(Object.keys(response.body).sort()).toEqual([
      'duration',
      'error',
      'error_description',
      'exception',
      'timestamp',
    ]);
    expect(response.body.exception).toBe('ClientSecretMismatchError');
    expect(typeof response.body.timestamp).toBe('number');
    expect(typeof response.body.duration).toBe('number');
  });
});
