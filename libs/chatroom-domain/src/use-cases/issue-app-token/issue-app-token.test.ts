import { describe, expect, it } from 'vitest';
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

  it('rejects a client_id of another app', async () => {
    const { issue } = await setup();
    expect(await failureOf(issue({ ...valid, clientId: 'YXA6someone-else' }))).toEqual({
      class: 'AuthenticationError',
      code: 'ClientIdMismatch',
      message: 'client_id does not match',
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
