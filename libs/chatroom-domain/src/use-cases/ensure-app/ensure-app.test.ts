import { describe, expect, it } from 'vitest';
import { inMemoryDependencies } from '../../in-memory/in-memory-dependencies.js';
import { DEFAULT_APP_SETTINGS } from '../../model/app.js';
import { IssueAppToken } from '../issue-app-token/issue-app-token.js';
import { failureOf } from '../test-fixtures.js';
import { EnsureApp, type EnsureAppInput } from './ensure-app.js';

const input: EnsureAppInput = { org: 'acme', name: 'chat', clientId: 'YXA6id', clientSecret: 's3cret' };

function setup() {
  const deps = inMemoryDependencies();
  return { deps, ensure: new EnsureApp(deps), issue: new IssueAppToken(deps) };
}

const credentials = (clientSecret: string) => ({
  grantType: 'client_credentials',
  clientId: 'YXA6id',
  clientSecret,
});

describe('EnsureApp', () => {
  it('creates the app with the default settings', async () => {
    const { ensure } = setup();
    const app = await ensure.execute(input);
    expect(app).toMatchObject({ org: 'acme', name: 'chat', clientId: 'YXA6id', settings: DEFAULT_APP_SETTINGS });
  });

  it('stores a hash of the client secret, not the secret', async () => {
    const { ensure, deps } = setup();
    const app = await ensure.execute(input);
    expect(app.clientSecretHash).not.toBe('s3cret');
    expect(await deps.hasher.verify('s3cret', app.clientSecretHash)).toBe(true);
  });

  it('merges partial settings over the defaults', async () => {
    const { ensure } = setup();
    const app = await ensure.execute({ ...input, settings: { roomQuota: 3 } });
    expect(app.settings).toEqual({ ...DEFAULT_APP_SETTINGS, roomQuota: 3 });
  });

  it('is idempotent: the same input gives the same app id and token key', async () => {
    const { ensure, deps } = setup();
    const first = await ensure.execute(input);
    const second = await ensure.execute(input);
    expect(second).toEqual(first);
    expect(await deps.uow.read((r) => r.apps.count())).toBe(1);
  });

  it('replaces a changed secret: the old one stops working, the new one works', async () => {
    const { ensure, issue } = setup();
    await ensure.execute(input);
    const app = await ensure.execute({ ...input, clientSecret: 'rotated' });
    expect((await failureOf(issue.execute(app, credentials('s3cret')))).code).toBe('ClientSecretMismatch');
    await expect(issue.execute(app, credentials('rotated'))).resolves.toMatchObject({ application: app.id });
  });

  it('keeps the app id, token key and creation time when credentials change', async () => {
    const { ensure, deps } = setup();
    const first = await ensure.execute(input);
    deps.clock.advance(60_000);
    const second = await ensure.execute({ ...input, clientId: 'YXA6new', clientSecret: 'rotated' });
    expect(second).toMatchObject({
      id: first.id,
      tokenKey: first.tokenKey,
      created: first.created,
      clientId: 'YXA6new',
    });
  });

  it('replaces changed settings and keeps the app id', async () => {
    const { ensure } = setup();
    const first = await ensure.execute({ ...input, settings: { roomQuota: 3 } });
    const second = await ensure.execute({ ...input, settings: { roomQuota: 5 } });
    expect(second.id).toBe(first.id);
    expect(second.settings.roomQuota).toBe(5);
  });

  it('keeps apps with different names apart', async () => {
    const { ensure } = setup();
    const a = await ensure.execute(input);
    const b = await ensure.execute({ ...input, name: 'other' });
    expect(b.id).not.toBe(a.id);
    expect(b.tokenKey).not.toBe(a.tokenKey);
  });

  it.each([
    ['org', { org: 'ac me' }],
    ['org', { org: '' }],
    ['app', { name: 'x'.repeat(65) }],
    ['app', { name: 'chat/1' }],
  ])('rejects an illegal %s name', async (field, change) => {
    const { ensure } = setup();
    expect(await failureOf(ensure.execute({ ...input, ...change }))).toEqual({
      class: 'InvalidInputError',
      code: 'InvalidParameter',
      message: `${field} must be 1 to 64 characters of A-Z a-z 0-9 _ . -`,
    });
  });

  it.each([{ clientId: '' }, { clientSecret: '' }])('requires both credentials (%o)', async (change) => {
    const { ensure } = setup();
    expect(await failureOf(ensure.execute({ ...input, ...change }))).toEqual({
      class: 'InvalidInputError',
      code: 'InvalidParameter',
      message: 'client id and client secret must be provided',
    });
  });
});
