import { afterAll, beforeAll, expect, it } from 'vitest';
import { errorRow } from '../../testing/fixtures.js';
import { startTestService, type TestService } from '../../testing/http-harness.js';

let svc: TestService;
beforeAll(async () => {
  svc = await startTestService();
});
afterAll(() => svc.close());

it('an app unknown at first is found as soon as it exists (misses are not cached)', async () => {
  const body = { grant_type: 'client_credentials', client_id: 'late-id', client_secret: 'late-secret' };
  const before = await svc.call('POST', '/late/app/token', { token: null, body });
  expect(errorRow(before)).toEqual({
    status: 404,
    error: 'organization_application_not_found',
    error_description: 'Could not find application for late/app from URI: late/app/token',
  });
  await svc.useCases.ensureApp.execute({ org: 'late', name: 'app', clientId: 'late-id', clientSecret: 'late-secret' });
  const after = await svc.call('POST', '/late/app/token', { token: null, body });
  expect(after.status).toBe(200);
});

it('each app sees only its own data', async () => {
  await svc.useCases.ensureApp.execute({ org: 'iso', name: 'app', clientId: 'iso-id', clientSecret: 'iso-secret' });
  const token = await svc.call('POST', '/iso/app/token', {
    token: null,
    body: { grant_type: 'client_credentials', client_id: 'iso-id', client_secret: 'iso-secret' },
  });
  await svc.call('POST', svc.appPath('/users'), { body: { username: 'mine', password: 'pw' } });
  const other = await svc.call('GET', '/iso/app/users/mine', { token: token.body.access_token });
  expect(other.status).toBe(404);
  const own = await svc.call('GET', svc.appPath('/users/mine'));
  expect(own.status).toBe(200);
});
