import { inMemoryDependencies } from '@chatroom/domain';
import { describe, expect, it } from 'vitest';
import { bootstrapApp, developmentAppBanner } from './bootstrap-app.js';
import { loadConfig } from './config.js';
import { createUseCases } from './ports/use-cases.js';
import { createLogger } from './logger.js';

const logger = createLogger('silent');

function setup(env: Record<string, string> = {}) {
  const config = loadConfig(env);
  const useCases = createUseCases(inMemoryDependencies(), config.tokenPolicy);
  return { config, useCases };
}

describe('bootstrapApp', () => {
  it('with BOOTSTRAP_* makes sure that app exists with those credentials and the configured limits', async () => {
    const { config, useCases } = setup({
      BOOTSTRAP_ORG: 'acme',
      BOOTSTRAP_APP: 'chat',
      BOOTSTRAP_CLIENT_ID: 'cid',
      BOOTSTRAP_CLIENT_SECRET: 'csecret',
      APP_JOINED_ROOM_CAP: '7',
    });
    expect(await bootstrapApp(useCases, config, { kind: 'pglite' }, logger)).toBeNull();
    expect(await bootstrapApp(useCases, config, { kind: 'pglite' }, logger)).toBeNull();
    const app = await useCases.findApp.execute('acme', 'chat', '');
    expect(app.clientId).toBe('cid');
    expect(app.settings.joinedRoomCap).toBe(7);
    const token = await useCases.issueAppToken.execute(app, {
      grantType: 'client_credentials',
      clientId: 'cid',
      clientSecret: 'csecret',
    });
    expect(token.accessToken).toBeTruthy();
  });

  it('on embedded PGlite with no app creates a development app once', async () => {
    const { config, useCases } = setup();
    const first = await bootstrapApp(useCases, config, { kind: 'pglite' }, logger);
    expect(first).toMatchObject({
      org: 'dev',
      app: 'app',
      clientId: expect.any(String),
      clientSecret: expect.any(String),
    });
    expect(await bootstrapApp(useCases, config, { kind: 'pglite' }, logger)).toBeNull();
  });

  it('on PostgreSQL never creates an app by itself', async () => {
    const { config, useCases } = setup();
    expect(await bootstrapApp(useCases, config, { kind: 'postgres' }, logger)).toBeNull();
    await expect(useCases.findApp.execute('dev', 'app', '')).rejects.toMatchObject({ code: 'AppNotFound' });
  });
});

describe('developmentAppBanner', () => {
  it('shows org, app, client id and secret, and a curl line for a token', () => {
    const banner = developmentAppBanner(
      { org: 'dev', app: 'app', clientId: 'YXA6abc', clientSecret: 's3cret' },
      'http://localhost:8080',
    );
    expect(banner).toContain('client id:     YXA6abc');
    expect(banner).toContain('client secret: s3cret');
    expect(banner).toContain(
      `curl -s -X POST http://localhost:8080/dev/app/token -H 'Content-Type: application/json' -d '{"grant_type":"client_credentials","client_id":"YXA6abc","client_secret":"s3cret"}'`,
    );
  });
});
