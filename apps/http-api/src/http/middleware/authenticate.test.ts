import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorRow } from '../../testing/fixtures.js';
import { startTestService, type TestService } from '../../testing/http-harness.js';
import { PROTECTED_ENDPOINTS } from '../../testing/endpoints.js';

let svc: TestService;
let otherAppToken: string;
beforeAll(async () => {
  svc = await startTestService();
  await svc.useCases.ensureApp.execute({ org: 'other', name: 'app', clientId: 'oid', clientSecret: 'osecret' });
  const issued = await svc.call('POST', '/other/app/token', {
    token: null,
    body: { grant_type: 'client_credentials', client_id: 'oid', client_secret: 'osecret' },
  });
  otherAppToken = issued.body.access_token;
});
afterAll(() => svc.close());

const OAUTH = { status: 401, error: 'unauthorized', error_description: 'Unable to authenticate (OAuth)' };
const CORRUPT = {
  status: 401,
  error: 'auth_bad_access_token',
  error_description: 'Unable to authenticate due to corrupt access token',
};

describe.each(PROTECTED_ENDPOINTS)('$method $label needs an app token', ({ method, path, body }) => {
  it('no Authorization header → 401 unauthorized', async () => {
    expect(errorRow(await svc.call(method, svc.appPath(path), { token: null, body }))).toEqual(OAUTH);
  });

  it('a token of another app → 401 auth_bad_access_token', async () => {
    expect(errorRow(await svc.call(method, svc.appPath(path), { token: otherAppToken, body }))).toEqual(CORRUPT);
  });
});

describe('Authorization header forms', () => {
  const path = () => svc.appPath('/chatrooms');

  it.each([['Basic abc'], ['Bearer'], ['bearer'], ['Bearer  two spaces'], [`Token x`]])(
    '"%s" → 401 unauthorized (not a Bearer token)',
    async (header) => {
      const response = await svc.call('GET', path(), { token: null, headers: { authorization: header } });
      expect(errorRow(response)).toEqual(OAUTH);
    },
  );

  it('a garbage Bearer token → 401 auth_bad_access_token', async () => {
    expect(errorRow(await svc.call('GET', path(), { token: 'not-a-token' }))).toEqual(CORRUPT);
  });

  it('the app token works', async () => {
    expect((await svc.call('GET', path())).status).toBe(200);
  });

  it('the error names our exception class', async () => {
    const response = await svc.call('GET', path(), { token: null });
    expect(response.body.exception).toBe('MissingTokenError');
  });
});
