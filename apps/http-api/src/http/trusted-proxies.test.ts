import { afterAll, describe, expect, it } from 'vitest';
import { startTestService, type TestService } from '../testing/http-harness.js';
import { DEFAULT_TOKEN_THROTTLE } from './middleware/token-attempt-throttle.js';

const started: TestService[] = [];
afterAll(() => Promise.all(started.map((s) => s.close())));

async function service(trustedProxies: string): Promise<TestService> {
  const svc = await startTestService({ env: { TRUSTED_PROXIES: trustedProxies } });
  started.push(svc);
  return svc;
}

/** The client address the service logged for a request with this X-Forwarded-For. */
async function seenAddress(svc: TestService, forwardedFor: string): Promise<unknown> {
  const path = `/health?probe=${Math.random()}`;
  await svc.call('GET', path, { token: null, headers: { 'x-forwarded-for': forwardedFor } });
  const line = svc.logs.findLast((l) => l.msg === 'request' && l.path === '/health');
  return line?.ip;
}

describe('TRUSTED_PROXIES: the client address', () => {
  it('0 (the default): X-Forwarded-For is ignored, the socket address is the client', async () => {
    const svc = await service('0');
    expect(await seenAddress(svc, '203.0.113.7')).toBe('127.0.0.1');
  });

  it('1: the rightmost entry (appended by the one proxy), never what the client wrote to its left', async () => {
    const svc = await service('1');
    expect(await seenAddress(svc, '198.51.100.1, 203.0.113.7')).toBe('203.0.113.7');
    expect(await seenAddress(svc, '203.0.113.8')).toBe('203.0.113.8');
  });

  it('2: the second entry from the right', async () => {
    const svc = await service('2');
    expect(await seenAddress(svc, '198.51.100.1, 203.0.113.7, 10.0.0.5')).toBe('203.0.113.7');
  });

  it('1: a client writing a new X-Forwarded-For on every guess still spends one per-address budget (the one behind the proxy)', async () => {
    const svc = await service('1');
    const guess = (i: number, secret = 'guess') =>
      svc.call('POST', svc.appPath('/token'), {
        token: null,
        // The client wrote the left entry; the proxy appended the address it saw.
        headers: { 'x-forwarded-for': `192.0.2.${i % 250}, 203.0.113.9` },
        body: { grant_type: 'client_credentials', client_id: `id-${i}`, client_secret: secret },
      });
    for (let i = 0; i < DEFAULT_TOKEN_THROTTLE.perAddress; i++) expect((await guess(i)).status).toBe(400);
    expect((await guess(999)).status).toBe(429);
  });
});
