import { createTestDatabase } from '@chatroom/postgres-adapter/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCall } from '../testing/api-call.js';
import { spawnService, type SpawnedService } from '../testing/spawn-service.js';

const db = await createTestDatabase();
if (!db) console.warn('Idempotency tests skipped: no TEST_DATABASE_URL and no Docker engine.');

const ENV = {
  BOOTSTRAP_ORG: 'idem',
  BOOTSTRAP_APP: 'chat',
  BOOTSTRAP_CLIENT_ID: 'idem-client',
  BOOTSTRAP_CLIENT_SECRET: 'idem-secret',
  LOG_LEVEL: 'info',
};

describe.skipIf(!db)('Idempotency-Key (two server processes on one PostgreSQL database)', () => {
  let a: SpawnedService;
  let b: SpawnedService;
  let bearer: string;

  const call = (base: string, method: string, path: string, body?: unknown, key?: string) =>
    apiCall(`${base}/idem/chat`, bearer, method, path, body, key);
  const roomCount = async () => JSON.parse((await call(a.url, 'GET', '/chatrooms?limit=1000')).text).count as number;

  beforeAll(async () => {
    a = await spawnService({ DATABASE_URL: db!.url, ...ENV });
    b = await spawnService({ DATABASE_URL: db!.url, ...ENV });
    const t = await fetch(`${a.url}/idem/chat/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        grant_type: 'client_credentials',
        client_id: 'idem-client',
        client_secret: 'idem-secret',
      }),
    });
    bearer = ((await t.json()) as { access_token: string }).access_token;
    expect(
      (
        await call(a.url, 'POST', '/users', [
          { username: 'alice', password: 'pw' },
          { username: 'bob', password: 'pw' },
        ])
      ).status,
    ).toBe(200);
  }, 60_000);
  afterAll(async () => {
    await a?.stop();
    await b?.stop();
    await db?.drop();
  });

  const room = { name: 'once', description: 'd', owner: 'alice', members: ['bob'] };

  it('concurrent repeats of one key on two processes create one room; the others are 409 or replays', async () => {
    const before = await roomCount();
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        call(i % 2 === 0 ? a.url : b.url, 'POST', '/chatrooms', room, 'create-once'),
      ),
    );
    expect(await roomCount()).toBe(before + 1);
    const ok = answers.filter((r) => r.status === 200);
    expect(ok.length).toBeGreaterThanOrEqual(1);
    expect(answers.every((r) => r.status === 200 || r.status === 409)).toBe(true);
    for (const r of answers.filter((x) => x.status === 409)) {
      expect(JSON.parse(r.text)).toMatchObject({ error: 'idempotency_key_in_progress' });
    }
    expect(new Set(ok.map((r) => JSON.parse(r.text).data.id)).size).toBe(1);
    // Once it is done, a repeat is a replay of the very same response, on either process.
    const again = await call(b.url, 'POST', '/chatrooms', room, 'create-once');
    expect(again).toMatchObject({ status: 200, replayed: 'true' });
    const first = ok.find((r) => r.replayed === null)!;
    expect(again.text).toBe(first.text);
    expect(await roomCount()).toBe(before + 1);
  }, 30_000);

  it('the same key on a different request is a 422, and changes nothing', async () => {
    const before = await roomCount();
    const r = await call(a.url, 'POST', '/chatrooms', { ...room, name: 'other' }, 'create-once');
    expect(r.status).toBe(422);
    expect(JSON.parse(r.text)).toMatchObject({
      error: 'idempotency_key_reused',
      error_description: 'Idempotency-Key was already used for a different request',
    });
    expect(await roomCount()).toBe(before);
  });

  it('the keyed change emits its events once, however often it is repeated', async () => {
    const created = await call(a.url, 'POST', '/chatrooms', room, 'create-events');
    const id = JSON.parse(created.text).data.id as string;
    await call(b.url, 'POST', '/chatrooms', room, 'create-events');
    await call(a.url, 'POST', `/chatrooms/${id}/announcement`, { announcement: 'hi' }, 'announce-1');
    await call(b.url, 'POST', `/chatrooms/${id}/announcement`, { announcement: 'hi' }, 'announce-1');
    const trail = JSON.parse((await call(a.url, 'GET', `/chatrooms/${id}/events`)).text);
    expect(trail.data.map((e: { operation: string }) => e.operation)).toEqual(['UPDATE', 'JOIN', 'CREATE']);
  });

  it('an error is not stored: the repeat runs again; without the header nothing changes', async () => {
    const bad = { ...room, owner: 'ghost' };
    const first = await call(a.url, 'POST', '/chatrooms', bad, 'bad-owner');
    expect(first.status).toBe(404);
    const second = await call(b.url, 'POST', '/chatrooms', bad, 'bad-owner');
    expect(second).toMatchObject({ status: 404, replayed: null });
    const before = await roomCount();
    await call(a.url, 'POST', '/chatrooms', room);
    await call(a.url, 'POST', '/chatrooms', room);
    expect(await roomCount()).toBe(before + 2);
  });

  it('a DELETE with a key: the repeat replays the success instead of a 404', async () => {
    const id = JSON.parse((await call(a.url, 'POST', '/chatrooms', room)).text).data.id as string;
    const first = await call(a.url, 'DELETE', `/chatrooms/${id}`, undefined, `dissolve-${id}`);
    expect(first.status).toBe(200);
    const again = await call(b.url, 'DELETE', `/chatrooms/${id}`, undefined, `dissolve-${id}`);
    expect(again).toMatchObject({ status: 200, replayed: 'true', text: first.text });
    expect((await call(a.url, 'DELETE', `/chatrooms/${id}`)).status).toBe(404);
  });

  it('a malformed key is a 400', async () => {
    const r = await call(a.url, 'POST', '/chatrooms', room, 'x'.repeat(256));
    expect(r.status).toBe(400);
  });
});

describe('Idempotency-Key on embedded PGlite', () => {
  let svc: SpawnedService;
  let dir: string;
  beforeAll(async () => {
    const { mkdtemp } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    dir = await mkdtemp(join(tmpdir(), 'idem-pglite-'));
    svc = await spawnService({ DATA_DIR: dir, ...ENV });
  }, 60_000);
  afterAll(async () => {
    await svc?.stop();
    const { rm } = await import('node:fs/promises');
    await rm(dir, { recursive: true, force: true });
  });

  it('replays the first response of a keyed create (one connection: the unit joins the keyed transaction)', async () => {
    const t = await fetch(`${svc.url}/idem/chat/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        grant_type: 'client_credentials',
        client_id: 'idem-client',
        client_secret: 'idem-secret',
      }),
    });
    const auth = `Bearer ${((await t.json()) as { access_token: string }).access_token}`;
    const post = (path: string, body: unknown, key?: string) =>
      fetch(`${svc.url}/idem/chat${path}`, {
        method: 'POST',
        headers: { authorization: auth, 'content-type': 'application/json', ...(key && { 'idempotency-key': key }) },
        body: JSON.stringify(body),
      });
    expect((await post('/users', { username: 'alice', password: 'pw' })).status).toBe(200);
    const answers = await Promise.all(
      [1, 2, 3].map(() => post('/chatrooms', { name: 'n', description: 'd', owner: 'alice' }, 'k1')),
    );
    const texts = await Promise.all(answers.map((r) => r.text()));
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(new Set(texts).size).toBe(1);
    expect(answers.filter((r) => r.headers.get('idempotent-replayed') === 'true')).toHaveLength(2);
  }, 30_000);
});
