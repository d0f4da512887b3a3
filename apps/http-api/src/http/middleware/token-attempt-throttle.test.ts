import type { CredentialHasher } from '@chatroom/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOKENS } from '../../ports/tokens.js';
import { startTestService, type TestService } from '../../testing/http-harness.js';
import { DEFAULT_TOKEN_THROTTLE } from './token-attempt-throttle.js';

/** How many secrets the service has hashed: the CPU an attacker made it spend. */
let hashed = 0;
let svc: TestService;
beforeAll(async () => {
  // One proxy in front: the rightmost X-Forwarded-For entry names the source address, so one
  // test can speak from several.
  svc = await startTestService({
    env: { TRUSTED_PROXIES: '1' },
    customize(container) {
      const inner = container.get<CredentialHasher>(TOKENS.SecretHasher);
      container.rebind<CredentialHasher>(TOKENS.SecretHasher).toConstantValue({
        hash: (secret) => inner.hash(secret),
        verify: (secret, hash) => {
          hashed++;
          return inner.verify(secret, hash);
        },
      });
    },
  });
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
  it('per address and client id: after the budget of failures that pair gets 429 with Retry-After, even with the right secret; other addresses are unaffected', async () => {
    const { perAddressAndClient, windowSeconds } = DEFAULT_TOKEN_THROTTLE;
    for (let i = 0; i < perAddressAndClient; i++) {
      expect((await token('10.1.0.1', svc.clientId, 'guess')).status).toBe(400);
    }
    const refused = await token('10.1.0.1', svc.clientId, svc.clientSecret);
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({
      error: 'too_many_requests',
      error_description: expect.stringMatching(/^too many failed token requests: try again in \d+ seconds$/),
      exception: 'TooManyRequestsError',
    });
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(windowSeconds);
    expect((await token('10.1.0.2', svc.clientId, svc.clientSecret)).status).toBe(200);
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

  it('100 concurrent wrong secrets from one address: attempts are counted before the hash, so at most the budget is hashed and the rest get 429; the right client, from its own address, gets its token at the first try', async () => {
    const before = hashed;
    const answers = await Promise.all(Array.from({ length: 100 }, () => token('10.4.0.1', svc.clientId, 'guess')));
    const statuses = answers.map((a) => a.status);
    expect(hashed - before).toBeLessThanOrEqual(DEFAULT_TOKEN_THROTTLE.perAddressAndClient);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(
      100 - DEFAULT_TOKEN_THROTTLE.perAddressAndClient,
    );
    expect(statuses.every((s) => s === 400 || s === 429 || s === 503)).toBe(true);
    expect((await token('10.4.0.2', svc.clientId, svc.clientSecret)).status).toBe(200);
  });

  it('a flood of wrong secrets for the client id from many addresses only slows that id: the right client still gets its token at the first try', async () => {
    const flood = await Promise.all(
      Array.from({ length: DEFAULT_TOKEN_THROTTLE.perClientBeforeSlowdown + 10 }, (_, i) =>
        token(`10.5.${i}.1`, svc.clientId, 'guess'),
      ),
    );
    expect(flood.some((a) => a.status === 429)).toBe(false);
    const started = performance.now();
    const right = await token('10.5.255.1', svc.clientId, svc.clientSecret);
    expect(right.status).toBe(200);
    // Slowed, not refused: it waited about the slowdown before its secret was checked.
    expect(performance.now() - started).toBeGreaterThanOrEqual(DEFAULT_TOKEN_THROTTLE.slowdownMs - 50);
  });
});

describe('the /token body', () => {
  it('a body over the token limit (64 KB of nested brackets) is refused with 413 before it is parsed', async () => {
    const response = await svc.call('POST', svc.appPath('/token'), {
      token: null,
      headers: { 'x-forwarded-for': '10.6.0.1' },
      body: '['.repeat(64 * 1024),
    });
    expect(response.status).toBe(413);
    expect(response.body).toMatchObject({ error: 'request_entity_too_large', exception: 'RequestEntityTooLargeError' });
  });

  it('a small body nested deeper than the bound is refused with 400 without being parsed', async () => {
    const response = await svc.call('POST', svc.appPath('/token'), {
      token: null,
      headers: { 'x-forwarded-for': '10.6.0.2' },
      body: `{"client_id":${'['.repeat(1000)}${']'.repeat(1000)}}`,
    });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({
      error: 'invalid_parameter',
      error_description: 'request body nests deeper than 4 levels',
    });
  });

  it('brackets inside strings do not count as nesting', async () => {
    const response = await token('10.6.0.3', svc.clientId, '[[[[[[[[[[{{{{{{{{');
    expect(response.status).toBe(400);
    expect(response.body.error).toBe('invalid_grant');
  });

  it('the address throttle answers before the body is read: a spent address gets 429 for a 1 MB body', async () => {
    for (let i = 0; i < DEFAULT_TOKEN_THROTTLE.perAddress; i++) {
      expect((await token('10.7.0.1', `id-${i}`, 'guess')).status).toBe(400);
    }
    const response = await svc.call('POST', svc.appPath('/token'), {
      token: null,
      headers: { 'x-forwarded-for': '10.7.0.1' },
      body: '['.repeat(1024 * 1024),
    });
    expect(response.status).toBe(429);
  });
});

describe('secrets hashed at once', () => {
  it('past TOKEN_HASHES_IN_FLIGHT, a token request is answered 503 with Retry-After in the error envelope at once', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const slow = await startTestService({
      env: { TOKEN_HASHES_IN_FLIGHT: '1' },
      customize(container) {
        const inner = container.get<CredentialHasher>(TOKENS.SecretHasher);
        let first = true;
        container.rebind<CredentialHasher>(TOKENS.SecretHasher).toConstantValue({
          hash: (secret) => inner.hash(secret),
          async verify(secret, hash) {
            // The harness's own token request passes; the next one holds its slot until released.
            if (!first) await gate;
            first = false;
            return inner.verify(secret, hash);
          },
        });
      },
    });
    try {
      const body = { grant_type: 'client_credentials', client_id: slow.clientId, client_secret: slow.clientSecret };
      const held = slow.call('POST', slow.appPath('/token'), { token: null, body });
      await new Promise((resolve) => setTimeout(resolve, 100));
      const refused = await slow.call('POST', slow.appPath('/token'), { token: null, body });
      expect(refused.status).toBe(503);
      expect(refused.headers.get('retry-after')).toBe('1');
      expect(refused.body).toMatchObject({ error: 'service_unavailable', exception: 'UnavailableError' });
      release();
      expect((await held).status).toBe(200);
      expect((await slow.call('POST', slow.appPath('/token'), { token: null, body })).status).toBe(200);
    } finally {
      release();
      await slow.close();
    }
  });
});
