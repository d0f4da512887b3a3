import { describe, expect, it } from 'vitest';
import { inMemoryDependencies } from '../../in-memory/in-memory-dependencies.js';
import { InMemoryKeySealer } from '../../in-memory/in-memory-key-sealer.js';
import { DEFAULT_APP_SETTINGS } from '../../model/app.js';
import { AuthenticateApp } from '../authenticate-app/authenticate-app.js';
import { CreateApp } from '../create-app/create-app.js';
import { DeleteApp } from '../delete-app/delete-app.js';
import { FindApp } from '../find-app/find-app.js';
import { IssueAppToken } from '../issue-app-token/issue-app-token.js';
import { ListApps } from '../list-apps/list-apps.js';
import { RegisterUsers } from '../register-users/register-users.js';
import { RevokeAppTokens } from '../revoke-app-tokens/revoke-app-tokens.js';
import { RotateAppSecret } from '../rotate-app-secret/rotate-app-secret.js';
import { SealAppKeys } from '../seal-app-keys/seal-app-keys.js';
import { SetAppLimits } from '../set-app-limits/set-app-limits.js';
import { ShowApp } from '../show-app/show-app.js';
import { failureOf } from '../test-fixtures.js';
import { CreateChatroom } from '../create-chatroom/create-chatroom.js';

function world() {
  const deps = inMemoryDependencies();
  const find = (org = 'acme', name = 'chat') => new FindApp(deps).execute(org, name, `${org}/${name}`);
  const token = async (clientId: string, clientSecret: string, org = 'acme', name = 'chat') =>
    (
      await new IssueAppToken(deps).execute(await find(org, name), {
        grantType: 'client_credentials',
        clientId,
        clientSecret,
      })
    ).accessToken;
  const accepts = async (accessToken: string, org = 'acme', name = 'chat') =>
    new AuthenticateApp(deps).execute(await find(org, name), `Bearer ${accessToken}`).then(
      () => true,
      () => false,
    );
  return {
    deps,
    find,
    token,
    accepts,
    create: (settings = {}) => new CreateApp(deps).execute({ org: 'acme', name: 'chat', settings }),
  };
}

const unknown = { class: 'NotFoundError', code: 'UnknownApp', message: 'There is no app acme/nope.' };

describe('CreateApp', () => {
  it('creates an app with fresh credentials: the secret is returned once and stored hashed, the key sealed', async () => {
    const w = world();
    const { app, credentials } = await w.create({ roomQuota: 5, rateLimit: { perSecond: 20 } });
    expect(credentials).toEqual({
      org: 'acme',
      name: 'chat',
      clientId: expect.stringMatching(/^YXA6[0-9a-f]{32}$/),
      clientSecret: expect.any(String),
    });
    expect(app.clientSecretHash).not.toBe(credentials.clientSecret);
    expect(await w.deps.secretHasher.verify(credentials.clientSecret, app.clientSecretHash)).toBe(true);
    expect(w.deps.sealer.isSealed(app.tokenKey)).toBe(true);
    expect(app).toMatchObject({
      keyGeneration: 0,
      settings: { ...DEFAULT_APP_SETTINGS, roomQuota: 5, rateLimit: { perSecond: 20 } },
    });
    expect(await w.accepts(await w.token(credentials.clientId, credentials.clientSecret))).toBe(true);
  });

  it('refuses an existing org/app and changes nothing', async () => {
    const w = world();
    const first = await w.create();
    expect(await failureOf(w.create({ roomQuota: 1 }))).toEqual({
      class: 'AlreadyExistsError',
      code: 'AppAlreadyExists',
      message: 'The app acme/chat already exists.',
    });
    expect(await w.find()).toEqual(first.app);
  });

  it.each([
    [{ org: 'a b', name: 'chat' }, 'org must be 1 to 64 characters of A-Z a-z 0-9 _ . -'],
    [{ org: 'acme', name: '' }, 'app must be 1 to 64 characters of A-Z a-z 0-9 _ . -'],
    [{ org: 'acme', name: 'chat', settings: { roomQuota: 0 } }, 'roomQuota must be an integer from 1 to 1000000000'],
    [
      { org: 'acme', name: 'chat', settings: { maxUsersCeiling: 1.5 } },
      'maxUsersCeiling must be an integer from 1 to 1000000000',
    ],
    [
      { org: 'acme', name: 'chat', settings: { rateLimit: { perSecond: 0 } } },
      'rateLimit must be off, easemob or a whole number of requests per second from 1 to 1000000',
    ],
  ])('refuses bad input %j', async (input, message) => {
    const w = world();
    expect(await failureOf(new CreateApp(w.deps).execute(input))).toEqual({
      class: 'InvalidInputError',
      code: 'InvalidParameter',
      message,
    });
    expect(await w.deps.uow.read((r) => r.apps.count())).toBe(0);
  });
});

describe('ListApps and ShowApp', () => {
  it('list every app by org and name, show one with its counts; never a secret or key', async () => {
    const w = world();
    await new CreateApp(w.deps).execute({ org: 'zeta', name: 'a' });
    const { app } = await w.create();
    await new RegisterUsers(w.deps).execute(app, [
      { username: 'u1', password: 'p' },
      { username: 'u2', password: 'p' },
    ]);
    await new CreateChatroom(w.deps).execute(app, { name: 'r', description: 'd', owner: 'u1' });
    const listed = await new ListApps(w.deps).execute();
    expect(listed.map((a) => `${a.org}/${a.name}`)).toEqual(['acme/chat', 'zeta/a']);
    const shown = await new ShowApp(w.deps).execute('acme', 'chat');
    expect(shown).toEqual({
      id: app.id,
      org: 'acme',
      name: 'chat',
      clientId: app.clientId,
      keyGeneration: 0,
      settings: DEFAULT_APP_SETTINGS,
      created: app.created,
      usage: { rooms: 1, users: 2 },
    });
    for (const view of [...listed, shown]) {
      expect(Object.keys(view)).not.toContain('clientSecretHash');
      expect(Object.keys(view)).not.toContain('tokenKey');
    }
  });

  it('show of an unknown app is UnknownApp', async () => {
    expect(await failureOf(new ShowApp(world().deps).execute('acme', 'nope'))).toEqual(unknown);
  });
});

describe('RotateAppSecret', () => {
  it('gives a new secret; the old secret and every token issued before are refused from then on', async () => {
    const w = world();
    const { credentials } = await w.create();
    const before = await w.token(credentials.clientId, credentials.clientSecret);
    const rotated = await new RotateAppSecret(w.deps).execute('acme', 'chat');
    expect(rotated).toMatchObject({ org: 'acme', name: 'chat', clientId: credentials.clientId });
    expect(rotated.clientSecret).not.toBe(credentials.clientSecret);
    expect(await w.accepts(before)).toBe(false);
    expect(await failureOf(w.token(credentials.clientId, credentials.clientSecret))).toMatchObject({
      code: 'ClientSecretMismatch',
    });
    const after = await w.token(credentials.clientId, rotated.clientSecret);
    expect(await w.accepts(after)).toBe(true);
    expect((await w.find()).keyGeneration).toBe(1);
  });

  it('of an unknown app is UnknownApp', async () => {
    expect(await failureOf(new RotateAppSecret(world().deps).execute('acme', 'nope'))).toEqual(unknown);
  });
});

describe('RevokeAppTokens', () => {
  it('refuses every token issued so far; the secret stays and mints tokens that are accepted', async () => {
    const w = world();
    const { credentials } = await w.create();
    const tokens = [
      await w.token(credentials.clientId, credentials.clientSecret),
      await w.token(credentials.clientId, credentials.clientSecret),
    ];
    const keyBefore = (await w.find()).tokenKey;
    expect(await new RevokeAppTokens(w.deps).execute('acme', 'chat')).toEqual({
      org: 'acme',
      name: 'chat',
      keyGeneration: 1,
    });
    for (const t of tokens) expect(await w.accepts(t)).toBe(false);
    expect((await w.find()).tokenKey).not.toBe(keyBefore);
    expect(await w.accepts(await w.token(credentials.clientId, credentials.clientSecret))).toBe(true);
    expect(await new RevokeAppTokens(w.deps).execute('acme', 'chat')).toMatchObject({ keyGeneration: 2 });
  });

  it('of an unknown app is UnknownApp', async () => {
    expect(await failureOf(new RevokeAppTokens(world().deps).execute('acme', 'nope'))).toEqual(unknown);
  });
});

describe('SetAppLimits', () => {
  it('changes the given settings and keeps the others; credentials and tokens stay', async () => {
    const w = world();
    const { credentials } = await w.create({ roomQuota: 7 });
    const t = await w.token(credentials.clientId, credentials.clientSecret);
    const view = await new SetAppLimits(w.deps).execute('acme', 'chat', {
      joinedRoomCap: 3,
      rateLimit: 'easemob',
      customRoomIds: undefined,
    });
    expect(view.settings).toEqual({ ...DEFAULT_APP_SETTINGS, roomQuota: 7, joinedRoomCap: 3, rateLimit: 'easemob' });
    expect((await w.find()).settings).toEqual(view.settings);
    expect(await w.accepts(t)).toBe(true);
  });

  it('refuses a bad value and changes nothing; an unknown app is UnknownApp', async () => {
    const w = world();
    const { app } = await w.create();
    expect(await failureOf(new SetAppLimits(w.deps).execute('acme', 'chat', { roomQuota: -1 }))).toMatchObject({
      code: 'InvalidParameter',
    });
    expect(await w.find()).toEqual(app);
    expect(await failureOf(new SetAppLimits(w.deps).execute('acme', 'nope', {}))).toEqual(unknown);
  });
});

describe('DeleteApp', () => {
  it('removes the app with its users and rooms; other apps stay', async () => {
    const w = world();
    const { app } = await w.create();
    const other = await new CreateApp(w.deps).execute({ org: 'acme', name: 'other' });
    await new RegisterUsers(w.deps).execute(app, [{ username: 'u1', password: 'p' }]);
    await new CreateChatroom(w.deps).execute(app, { name: 'r', description: 'd', owner: 'u1' });
    expect(await new DeleteApp(w.deps).execute('acme', 'chat')).toEqual({ id: app.id });
    expect(await failureOf(w.find())).toMatchObject({ code: 'AppNotFound' });
    expect(await w.deps.uow.read((r) => r.apps.usage(app.id))).toEqual({ rooms: 0, users: 0 });
    expect(await w.find('acme', 'other')).toEqual(other.app);
    expect(await failureOf(new DeleteApp(w.deps).execute('acme', 'chat'))).toEqual({
      ...unknown,
      message: 'There is no app acme/chat.',
    });
  });
});

describe('SealAppKeys', () => {
  it('seals a clear key in place: tokens it signed before stay valid, and a second run has nothing to do', async () => {
    const w = world();
    const { app, credentials } = await w.create();
    const clearKey = (await w.deps.sealer.unseal(app.tokenKey))!;
    // A store from before sealing: the key in clear, and a token it signed.
    await w.deps.uow.write((r) => r.apps.update({ ...app, tokenKey: clearKey }));
    const issuedBefore = await w.deps.tokens.sign(
      { appId: app.id, generation: 0, issuedAt: Math.floor(w.deps.clock.now() / 1000), expiresAt: 2_000_000_000 },
      clearKey,
    );
    expect(await w.accepts(issuedBefore)).toBe(false); // a clear key opens nothing
    expect(await new SealAppKeys(w.deps).execute()).toEqual({ sealed: 1, checked: 0 });
    const stored = await w.find();
    expect(w.deps.sealer.isSealed(stored.tokenKey)).toBe(true);
    expect(await w.deps.sealer.unseal(stored.tokenKey)).toBe(clearKey);
    expect(await w.accepts(issuedBefore)).toBe(true);
    expect(await w.accepts(await w.token(credentials.clientId, credentials.clientSecret))).toBe(true);
    expect(await new SealAppKeys(w.deps).execute()).toEqual({ sealed: 0, checked: 1 });
  });

  it('refuses a store whose keys were sealed under another master key, naming TOKEN_MASTER_KEY', async () => {
    const w = world();
    await w.create();
    const failure = await failureOf(new SealAppKeys({ ...w.deps, sealer: new InMemoryKeySealer('wrong') }).execute());
    expect(failure).toMatchObject({ class: 'UnavailableError', code: 'Unavailable' });
    expect(failure.message).toBe(
      'TOKEN_MASTER_KEY does not open the token keys stored for 1 app(s) (acme/chat): it is not the master key they were sealed with.',
    );
  });
});
