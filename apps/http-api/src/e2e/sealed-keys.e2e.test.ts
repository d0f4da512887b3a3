import { AesGcmKeySealer, parseMasterKey } from '@chatroom/crypto-adapter';
import { DEFAULT_APP_SETTINGS } from '@chatroom/domain';
import { openPostgresAdapter } from '@chatroom/postgres-adapter';
import { createTestDatabase } from '@chatroom/postgres-adapter/testing';
import { SignJWT } from 'jose';
import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { startTestService, TEST_MASTER_KEY } from '../testing/http-harness.js';

const db = await createTestDatabase();
if (!db) console.warn('Sealed-key tests on PostgreSQL skipped: no TEST_DATABASE_URL and no Docker engine.');
afterAll(() => db?.drop());

describe.skipIf(!db)('sealed token keys on PostgreSQL', () => {
  it('a key stored in clear (before this release) is sealed at start and its tokens stay valid; the wrong master key then starts nothing', async () => {
    // A store as the previous release left it: the app's key in clear, and a token it signed (no gen claim).
    const clearKey = randomBytes(32).toString('base64url');
    const appId = randomUUID();
    const adapter = await openPostgresAdapter({ databaseUrl: db!.url, poolSize: 2 });
    try {
      await adapter.uow.write((r) =>
        r.apps.upsert({
          id: appId,
          org: 'old',
          name: 'chat',
          clientId: 'old-id',
          clientSecretHash: 'scrypt$0$0$0$x$x',
          tokenKey: clearKey,
          keyGeneration: 0,
          settings: DEFAULT_APP_SETTINGS,
          created: Date.now(),
        }),
      );
    } finally {
      await adapter.close();
    }
    const now = Math.floor(Date.now() / 1000);
    const oldToken = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(appId)
      .setIssuedAt(now)
      .setExpirationTime(now + 3600)
      .sign(new TextEncoder().encode(clearKey));

    const svc = await startTestService({ inMemory: false, env: { DATABASE_URL: db!.url } });
    try {
      expect((await svc.call('GET', '/old/chat/chatrooms', { token: oldToken })).status).toBe(200);
      const stored = await svc.useCases.findApp.execute('old', 'chat', '');
      const sealer = new AesGcmKeySealer(parseMasterKey(TEST_MASTER_KEY)!);
      expect(stored.tokenKey).not.toContain(clearKey);
      expect(sealer.isSealed(stored.tokenKey)).toBe(true);
      expect(await sealer.unseal(stored.tokenKey)).toBe(clearKey);
    } finally {
      await svc.close();
    }

    // The same database under another master key: no start, so no token is minted or accepted.
    await expect(
      startTestService({
        inMemory: false,
        env: { DATABASE_URL: db!.url, TOKEN_MASTER_KEY: randomBytes(32).toString('hex') },
      }),
    ).rejects.toThrow(
      /^TOKEN_MASTER_KEY does not open the token keys stored for 2 app\(s\) \(.*\): it is not the master key they were sealed with\.$/,
    );
  }, 120_000);

  it('the database holds no usable key: every stored key is sealed, and none opens without the master key', async () => {
    const adapter = await openPostgresAdapter({ databaseUrl: db!.url, poolSize: 2 });
    try {
      const apps = await adapter.uow.read((r) => r.apps.list());
      expect(apps.length).toBeGreaterThan(0);
      const stranger = new AesGcmKeySealer(randomBytes(32));
      for (const app of apps) {
        expect(app.tokenKey).toMatch(/^sealed:v1:/);
        expect(await stranger.unseal(app.tokenKey)).toBeNull();
      }
    } finally {
      await adapter.close();
    }
  }, 60_000);
});
