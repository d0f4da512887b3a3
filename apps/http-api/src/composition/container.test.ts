import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { createLogger } from '../logger.js';
import { startService, type RunningService } from './service.js';
import { createContainer } from './container.js';
import type { Database } from '../ports/database.js';
import { useInMemoryAdapters } from './in-memory-adapters.js';
import { TOKENS } from '../ports/tokens.js';

let running: RunningService | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

const quiet = () => createLogger('silent');

describe('the composition root', () => {
  it('binds the real adapters: embedded PGlite when DATABASE_URL is unset', async () => {
    const container = createContainer(loadConfig({ DATA_DIR: 'memory://' }), quiet());
    const database = await container.getAsync<Database>(TOKENS.Database);
    try {
      expect(database.kind).toBe('pglite');
      expect(await database.isReady()).toBe(true);
      expect(container.get<object>(TOKENS.Clock).constructor.name).toBe('SystemClock');
      expect(container.get<object>(TOKENS.CredentialHasher).constructor.name).toBe('ScryptCredentialHasher');
      expect(container.get<object>(TOKENS.TokenSigner).constructor.name).toBe('JoseTokenSigner');
      expect(container.get<object>(TOKENS.Random).constructor.name).toBe('NodeRandom');
      expect(container.get<object>(TOKENS.SecretHasher).constructor.name).toBe('ScryptCredentialHasher');
      expect((await container.getAsync<object>(TOKENS.KeySealer)).constructor.name).toBe('AesGcmKeySealer');
    } finally {
      await database.close();
    }
  }, 30_000);

  it('lets a test rebind every port before use, and nothing of the real store is opened', async () => {
    const container = createContainer(
      loadConfig({ DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none', TOKEN_MASTER_KEY: 'ab'.repeat(32) }),
      quiet(),
    );
    const deps = useInMemoryAdapters(container);
    const database = await container.getAsync<Database>(TOKENS.Database);
    expect(database.kind).toBe('memory');
    expect(await container.getAsync(TOKENS.UnitOfWork)).toBe(deps.uow);
    expect(container.get(TOKENS.Clock)).toBe(deps.clock);
  });

  it('a first start on embedded PGlite prints a development app once, and its curl line returns a token', async () => {
    const config = loadConfig({ DATA_DIR: 'memory://', PORT: '0', HOST: '127.0.0.1' });
    const out = new PassThrough();
    let printed = '';
    out.on('data', (chunk) => (printed += chunk));
    running = await startService(createContainer(config, quiet()), out);

    expect(printed).toContain('org:           dev');
    expect(printed).toContain('app:           app');
    const curl = /curl -s -X POST (\S+) -H 'Content-Type: application\/json' -d '([^']+)'/.exec(printed);
    expect(curl).not.toBeNull();
    const response = await fetch(curl![1]!, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: curl![2]!,
    });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { access_token: unknown }).access_token).toEqual(expect.any(String));
  }, 30_000);
});
