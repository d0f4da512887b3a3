import { describe, expect, it } from 'vitest';
import { InMemoryKeySealer } from '../../in-memory/in-memory-key-sealer.js';
import { EnsureApp } from '../ensure-app/ensure-app.js';
import { IssueAppToken } from '../issue-app-token/issue-app-token.js';
import { CLIENT_ID, CLIENT_SECRET, failureOf, TestWorld } from '../test-fixtures.js';
import { AuthenticateApp } from './authenticate-app.js';

const credentials = { grantType: 'client_credentials', clientId: CLIENT_ID, clientSecret: CLIENT_SECRET };

async function setup() {
  const w = await TestWorld.create();
  const { accessToken } = await new IssueAppToken(w.deps).execute(w.app, { ...credentials, ttlSeconds: 3600 });
  return { w, accessToken, authenticate: new AuthenticateApp(w.deps) };
}

const missing = { class: 'AuthenticationError', code: 'MissingToken', message: 'Unable to authenticate (OAuth)' };
const corrupt = {
  class: 'AuthenticationError',
  code: 'BadToken',
  message: 'Unable to authenticate due to corrupt access token',
};

describe('AuthenticateApp', () => {
  it('refuses a token of an earlier key generation (revoked), even under the same key', async () => {
    const { w, accessToken, authenticate } = await setup();
    expect(await failureOf(authenticate.execute({ ...w.app, keyGeneration: 1 }, `Bearer ${accessToken}`))).toEqual(
      corrupt,
    );
  });

  it('accepts nothing when the stored key does not open under this master key', async () => {
    const { w, accessToken } = await setup();
    const copy = new AuthenticateApp({ ...w.deps, sealer: new InMemoryKeySealer('another master key') });
    expect(await failureOf(copy.execute(w.app, `Bearer ${accessToken}`))).toEqual(corrupt);
  });

  it('accepts a Bearer token the app issued', async () => {
    const { w, accessToken, authenticate } = await setup();
    await expect(authenticate.execute(w.app, `Bearer ${accessToken}`)).resolves.toBeUndefined();
  });

  it('rejects a request without an Authorization header', async () => {
    const { w, authenticate } = await setup();
    expect(await failureOf(authenticate.execute(w.app, undefined))).toEqual(missing);
  });

  it.each(['', 'Basic dXNlcjpwdw==', 'Bearer', 'Bearer ', 'bearer {token}', 'Token {token}', 'Bearer {token} extra'])(
    'rejects the non-Bearer header %j',
    async (header) => {
      const { w, accessToken, authenticate } = await setup();
      expect(await failureOf(authenticate.execute(w.app, header.replace('{token}', accessToken)))).toEqual(missing);
    },
  );

  it('rejects a token it never issued', async () => {
    const { w, authenticate } = await setup();
    expect(await failureOf(authenticate.execute(w.app, 'Bearer YWMtforged'))).toEqual(corrupt);
  });

  it("rejects another app's token", async () => {
    const { w, authenticate } = await setup();
    const other = await w.otherApp();
    const { accessToken } = await new IssueAppToken(w.deps).execute(other, credentials);
    expect(await failureOf(authenticate.execute(w.app, `Bearer ${accessToken}`))).toEqual(corrupt);
  });

  it('rejects an expired token', async () => {
    const { w, accessToken, authenticate } = await setup();
    w.deps.clock.advance(3600 * 1000);
    expect(await failureOf(authenticate.execute(w.app, `Bearer ${accessToken}`))).toEqual({
      class: 'AuthenticationError',
      code: 'ExpiredToken',
      message: 'Unable to authenticate due to expired access token',
    });
  });

  it('accepts a token one second before it expires', async () => {
    const { w, accessToken, authenticate } = await setup();
    w.deps.clock.advance(3599 * 1000);
    await expect(authenticate.execute(w.app, `Bearer ${accessToken}`)).resolves.toBeUndefined();
  });

  it('keeps accepting tokens issued before the client secret was rotated (the token key is kept)', async () => {
    const { w, accessToken, authenticate } = await setup();
    const rotated = await new EnsureApp(w.deps).execute({
      org: w.app.org,
      name: w.app.name,
      clientId: CLIENT_ID,
      clientSecret: 'rotated',
    });
    await expect(authenticate.execute(rotated, `Bearer ${accessToken}`)).resolves.toBeUndefined();
  });
});
