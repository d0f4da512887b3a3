import { describe, expect, it } from 'vitest';
import { InMemoryKeySealer } from '../../in-memory/in-memory-key-sealer.js';
import { AuthenticateApp } from '../authenticate-app/authenticate-app.js';
import { CLIENT_ID, CLIENT_SECRET, failureOf, TestWorld } from '../test-fixtures.js';
import { IssueAppToken, type IssueAppTokenInput } from './issue-app-token.js';

const DAY = 24 * 3600;
const valid: IssueAppTokenInput = {
  grantType: 'client_credentials',
  clientId: CLIENT_ID,
  clientSecret: CLIENT_SECRET,
};

async function setup() {
  const w = await TestWorld.create();
  return { w, issue: (input: IssueAppTokenInput) => new IssueAppToken(w.deps).execute(w.app, input) };
}

describe('IssueAppToken', () => {
  it('issues a token for the app, valid for 7 days by default', async () => {
    const { w, issue } = await setup();
    const token = await issue(valid);
    expect(token).toEqual({ accessToken: expect.any(String), expiresIn: 7 * DAY, application: w.app.id });
    await expect(new AuthenticateApp(w.deps).execute(w.app, `Bearer ${token.accessToken}`)).resolves.toBeUndefined();
  });

  it('honours a ttl within the limit', async () => {
    const { issue } = await setup();
    expect((await issue({ ...valid, ttlSeconds: 60 })).expiresIn).toBe(60);
  });

  it('gives the longest lifetime (365 days) for ttl 0', async () => {
    const { issue } = await setup();
    expect((await issue({ ...valid, ttlSeconds: 0 })).expiresIn).toBe(365 * DAY);
  });

  it('clamps a ttl above the longest lifetime', async () => {
    const { issue } = await setup();
    expect((await issue({ ...valid, ttlSeconds: 400 * DAY })).expiresIn).toBe(365 * DAY);
  });

  it('follows a custom token policy', async () => {
    const { w } = await setup();
    const issue = new IssueAppToken(w.deps, { defaultTtlSeconds: 10, maxTtlSeconds: 100 });
    expect((await issue.execute(w.app, valid)).expiresIn).toBe(10);
    expect((await issue.execute(w.app, { ...valid, ttlSeconds: 0 })).expiresIn).toBe(100);
  });

  it.each([-1, 1.5, Number.NaN])('rejects ttl %d', async (ttlSeconds) => {
    const { issue } = await setup();
    expect(await failureOf(issue({ ...valid, ttlSeconds }))).toEqual({
      class: 'InvalidInputError',
      code: 'InvalidParameter',
      message: 'ttl must be a non-negative integer',
    });
  });

  it('expires exactly ttl seconds after it was issued', async () => {
    const { w, issue } = await setup();
    const { accessToken } = await issue({ ...valid, ttlSeconds: 60 });
    const authenticate = () => new AuthenticateApp(w.deps).execute(w.app, `Bearer ${accessToken}`);
    w.deps.clock.advance(59_999);
    await expect(authenticate()).resolves.toBeUndefined();
    w.deps.clock.advance(1);
    expect((await failureOf(authenticate())).code).toBe('ExpiredToken');
  });

  it('requires grant_type', async () => {
    const { issue } = await setup();
    const { grantType: _, ...input } = valid;
    expect(await failureOf(issue(input))).toEqual({
      class: 'InvalidInputError',
      code: 'InvalidParameter',
      message: 'grant_type must be provided',
    });
  });

  it('rejects a grant_type other than client_credentials', async () => {
    const { issue } = await setup();
    expect(await failureOf(issue({ ...valid, grantType: 'password' }))).toEqual({
      class: 'InvalidInputError',
      code: 'UnsupportedGrantType',
      message: 'unsupported grant_type password',
    });
  });

  it.each([undefined, ''])('requires client_id (%j)', async (clientId) => {
    const { issue } = await setup();
    expect(await failureOf(issue({ ...valid, clientId }))).toEqual({
      class: 'InvalidInputError',
      code: 'IllegalArgument',
      message: 'client_id must be provided.',
    });
  });

  it.each([undefined, ''])('requires client_secret (%j)', async (clientSecret) => {
    const { issue } = await setup();
    expect(await failureOf(issue({ ...valid, clientSecret }))).toEqual({
      class: 'InvalidInputError',
      code: 'IllegalArgument',
      message: 'client_secret must be provided',
    });
  });

  it('rejects a client_id of another app with the same answer as a wrong secret', async () => {
    const { issue } = await setup();
    for (const clientSecret of [CLIENT_SECRET, 'guess']) {
      expect(await failureOf(issue({ ...valid, clientId: 'YXA6someone-else', clientSecret }))).toEqual({
        class: 'AuthenticationError',
        code: 'ClientSecretMismatch',
        message: 'client_secret does not match',
      });
    }
  });

  it('checks a wrong client_id against a dummy hash, so it costs what a wrong secret costs', async () => {
    const { w } = await setup();
    const issuer = new IssueAppToken(w.deps);
    const issue = (input: IssueAppTokenInput) => issuer.execute(w.app, input);
    const verified: string[] = [];
    const verify = w.deps.secretHasher.verify.bind(w.deps.secretHasher);
    w.deps.secretHasher.verify = async (secret, hash) => (verified.push(hash), verify(secret, hash));
    await failureOf(issue({ ...valid, clientId: 'YXA6someone-else' }));
    await failureOf(issue({ ...valid, clientId: 'YXA6another' }));
    await failureOf(issue({ ...valid, clientSecret: 'guess' }));
    expect(verified).toHaveLength(3);
    expect(verified[0]).not.toBe(w.app.clientSecretHash);
    expect(verified[1]).toBe(verified[0]); // one dummy, made once
    expect(verified[2]).toBe(w.app.clientSecretHash);
  });

  it('signs with the opened token key and the app key generation', async () => {
    const { w, issue } = await setup();
    const app = { ...w.app, keyGeneration: 4 };
    const { accessToken } = await new IssueAppToken(w.deps).execute(app, valid);
    const key = await w.deps.sealer.unseal(app.tokenKey);
    const check = await w.deps.tokens.verify(accessToken, key!, Math.floor(w.deps.clock.now() / 1000));
    expect(check).toMatchObject({ ok: true, claims: { appId: app.id, generation: 4 } });
    expect(await w.deps.tokens.verify(accessToken, app.tokenKey, 0)).toEqual({ ok: false, reason: 'malformed' });
    void issue;
  });

  it('mints nothing when the stored key does not open under this master key', async () => {
    const { w } = await setup();
    const copy = { ...w.deps, sealer: new InMemoryKeySealer('another master key') };
    expect(await failureOf(new IssueAppToken(copy).execute(w.app, valid))).toMatchObject({
      class: 'UnavailableError',
      code: 'Unavailable',
    });
  });

  it('rejects a wrong client_secret', async () => {
    const { issue } = await setup();
    expect(await failureOf(issue({ ...valid, clientSecret: 'guess' }))).toEqual({
      class: 'AuthenticationError',
      code: 'ClientSecretMismatch',
      message: 'client_secret does not match',
    });
  });
});
