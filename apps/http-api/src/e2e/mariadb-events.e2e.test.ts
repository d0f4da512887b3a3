import { createTestMariadbDatabase } from '@chatroom/mariadb-adapter/testing';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { apiCall } from '../testing/api-call.js';
import { spawnAdmin } from '../testing/spawn-admin.js';
import { spawnService, type SpawnedService } from '../testing/spawn-service.js';
import { createCallback, Receiver, verified } from '../testing/webhook-receiver.js';

// Events out and Idempotency-Key on MariaDB: a real `npm start` process on mysql://, the rule
// added with the real admin CLI on the same URL, the callback taken by a real receiver.
const db = await createTestMariadbDatabase();

const ENV = {
  BOOTSTRAP_ORG: 'mev',
  BOOTSTRAP_APP: 'chat',
  BOOTSTRAP_CLIENT_ID: 'mev-client',
  BOOTSTRAP_CLIENT_SECRET: 'mev-secret',
  LOG_LEVEL: 'info',
  EVENT_PUBLISH_TIMEOUT_MS: '3000',
  // The receiver runs on 127.0.0.1.
  WEBHOOK_ALLOW_PRIVATE: 'true',
};
const SECRET = 'mariadb-rule-secret-of-24+chars';

describe.skipIf(!db)('events out and idempotency keys on MariaDB (real process, admin CLI, receiver)', () => {
  const receiver = new Receiver();
  let service: SpawnedService;
  let bearer: string;
  let ruleId: string;

  const call = (method: string, path: string, body?: unknown, key?: string) =>
    apiCall(`${service.url}/mev/chat`, bearer, method, path, body, key);
  const admin = (...args: string[]) =>
    spawnAdmin(['webhooks', ...args], { DATABASE_URL: db!.url, WEBHOOK_ALLOW_PRIVATE: 'true' });

  beforeAll(async () => {
    await receiver.start();
    service = await spawnService({ DATABASE_URL: db!.url, ...ENV });
    const added = await admin('add', '--org', 'mev', '--app', 'chat', '--url', receiver.url, '--secret', SECRET);
    expect(added.code, added.stderr).toBe(0);
    ruleId = JSON.parse(added.stdout).id;
    const t = await fetch(`${service.url}/mev/chat/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ grant_type: 'client_credentials', client_id: 'mev-client', client_secret: 'mev-secret' }),
    });
    bearer = ((await t.json()) as { access_token: string }).access_token;
    const users = await call(
      'POST',
      '/users',
      ['alice', 'bob'].map((username) => ({ username, password: 'pw' })),
    );
    expect(users.status).toBe(200);
  }, 60_000);
  afterAll(async () => {
    await service?.stop();
    await receiver.stop();
    await db?.drop();
  });

  it("delivers a room's CREATE and JOIN with the reference's body and both signatures, in commit order", async () => {
    const created = await call('POST', '/chatrooms', {
      name: 'Lobby',
      description: 'd',
      owner: 'alice',
      members: ['bob'],
    });
    expect(created.status).toBe(200);
    const id = JSON.parse(created.text).data.id as string;
    await vi.waitFor(() => expect(receiver.ok(id)).toHaveLength(2), { timeout: 10_000 });
    const [create, join] = receiver.ok(id);
    expect(create!.body).toEqual(createCallback(create!, 'mev#chat', id, { owner: 'mev#chat_alice', title: 'Lobby' }));
    expect(join!.body).toMatchObject({ operation: 'JOIN', payload: { member: ['bob'], type: 'DIRECT' } });
    for (const hit of [create!, join!]) {
      expect(verified(hit, SECRET)).toBe(true);
      expect(verified(hit, 'not-the-secret')).toBe(false);
    }
  }, 30_000);

  it('webhooks list and replay work on a mysql:// DATABASE_URL', async () => {
    const listed = await admin('list', '--org', 'mev', '--app', 'chat');
    expect(listed.code, listed.stderr).toBe(0);
    expect(JSON.parse(listed.stdout)).toEqual([
      expect.objectContaining({ id: ruleId, url: receiver.url, events: 'all' }),
    ]);
    expect(listed.stdout).not.toContain(SECRET);
    const before = receiver.hits.length;
    const replayed = await admin(
      'replay',
      '--org',
      'mev',
      '--app',
      'chat',
      '--since',
      new Date(Date.now() - 60_000).toISOString(),
    );
    expect(replayed.code, replayed.stderr).toBe(0);
    const queued = JSON.parse(replayed.stdout).queued as number;
    expect(queued).toBe(before);
    // The same events again: same callIds.
    await vi.waitFor(() => expect(receiver.hits.length).toBe(before * 2), { timeout: 10_000 });
    expect(new Set(receiver.hits.slice(before).map((h) => h.body.callId))).toEqual(
      new Set(receiver.hits.slice(0, before).map((h) => h.body.callId)),
    );
  }, 60_000);

  it('an Idempotency-Key repeat is replayed with the same body; another request with the key is a 422', async () => {
    const count = async () => JSON.parse((await call('GET', '/chatrooms?limit=1000')).text).count as number;
    const before = await count();
    const room = { name: 'once', description: 'd', owner: 'alice' };
    const first = await call('POST', '/chatrooms', room, 'create-once');
    expect(first).toMatchObject({ status: 200, replayed: null });
    const again = await call('POST', '/chatrooms', room, 'create-once');
    expect(again).toMatchObject({ status: 200, replayed: 'true' });
    expect(again.text).toBe(first.text);
    const other = await call('POST', '/chatrooms', { ...room, name: 'other' }, 'create-once');
    expect(other.status).toBe(422);
    expect(JSON.parse(other.text)).toMatchObject({ error: 'idempotency_key_reused' });
    expect(await count()).toBe(before + 1);
    // Its events were committed with it, once.
    const id = JSON.parse(first.text).data.id as string;
    await vi.waitFor(() => expect(receiver.ok(id).map((h) => h.body.operation)).toEqual(['CREATE']), {
      timeout: 10_000,
    });
  }, 30_000);

  it('webhooks remove on a mysql:// DATABASE_URL: later changes are not sent', async () => {
    const removed = await admin('remove', '--id', ruleId);
    expect(removed.code, removed.stderr).toBe(0);
    const created = await call('POST', '/chatrooms', { name: 'silent', description: 'd', owner: 'alice' });
    const id = JSON.parse(created.text).data.id as string;
    await new Promise((resolve) => setTimeout(resolve, 1500)); // several delivery rounds
    expect(receiver.ok(id)).toEqual([]);
    expect((await admin('remove', '--id', ruleId)).code).toBe(1);
  }, 60_000);
});
