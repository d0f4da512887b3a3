import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestService, type TestService } from '../../testing/http-harness.js';
import { DEFAULT_TOKEN_THROTTLE } from './token-attempt-throttle.js';

let svc: TestService;
beforeAll(async () => {
  // TRUST_PROXY: X-Forwarded-For names the source address, so one test can speak from several.
  svc = await startTestService({ env: { TRUST_PROXY: 'true' } });
});
afterAll(() => svc.close());

function token(from: string, clientId: string, clientSecret: string) {
  return svc.call('POST', svc.appPath('/token'), {
    token: null,
    headers: { 'x-forwarded-for': from },
    body: { grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret },
  });
}

describe('throttling failed /token attempts', () => {
  it('per client id: after the budget of failures, even the right secret gets 429 with Retry-After; other ids and addresses are unaffected', async () => {
    const { perClientId, windowSeconds } = DEFAULT_TOKEN_THROTTLE;
    for (let i = 0; i < perClientId; i++) {
      // Spread over addresses: only the client id's budget is spent.
      expect((await token(`10.1.0.${i}`, 'guessed-id', 'guess')).status).toBe(400);
    }
    const refused = await token('10.1.1.1', 'guessed-id', 'guess');
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({
      error: 'too_many_requests',
      error_description: expect.stringMatching(/^too many failed token requests: try again in \d+ seconds$/),
      exception: 'TooManyRequestsError',
    });
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(windowSeconds);
    expect((await token('10.1.1.2', svc.clientId, svc.clientSecret)).status).toBe(200);
  });

  it('per source address: after its budget of failures across client ids, that address gets 429; another does not', async () => {
    const { perAddress } = DEFAULT_TOKEN_THROTTLE;
    for (let i = 0; i < perAddress; i++) {
      expect((await token('10.2.0.1', `id-${i}`, 'guess')).status).toBe(400);
    }
    expect((await token('10.2.0.1', svc.clientId, svc.clientSecret)).status).toBe(429);
    expect((await token('10.2.0.2', svc.clientId, svc.clientSecret)).status).toBe(200);
  });

  it('successful requests spend nothing', async () => {
    for (let i = 0; i < DEFAULT_TOKEN_THROTTLE.perAddress + 5; i++) {
      expect((await token('10.3.0.1', svc.clientId, svc.clientSecret)).status).toBe(200);
    }
  });
});
