import type { App, UnitOfWork } from '@chatroom/domain';
import { createTestDatabase } from '@chatroom/postgres-adapter/testing';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import type { Database } from '../ports/database.js';
import { TOKENS } from '../ports/tokens.js';
import { createRoom, registerUsers } from '../testing/fixtures.js';
import { startTestService, type TestService } from '../testing/http-harness.js';
import { Receiver, verified } from '../testing/webhook-receiver.js';

const db = await createTestDatabase();
if (!db) console.warn('Sealed webhook secret tests on PostgreSQL skipped: no TEST_DATABASE_URL and no Docker engine.');
afterAll(() => db?.drop());

const CLEAR_SECRET = 'stored-in-clear-by-an-older-release';
const NEW_SECRET = 'added-through-the-service-store-0123';
// The receiver runs on 127.0.0.1; deliveries are not held back to gather commits.
const ENV = () => ({ DATABASE_URL: db!.url, WEBHOOK_ALLOW_PRIVATE: 'true', EVENT_GATHER_MS: '0' });

async function storedSecrets(): Promise<string[]> {
  const client = new pg.Client({ connectionString: db!.url });
  await client.connect();
  try {
    return (await client.query<{ secret: string }>('SELECT secret FROM event_rules ORDER BY created')).rows.map(
      (r) => r.secret,
    );
  } finally {
    await client.end();
  }
}

describe.skipIf(!db)('webhook secrets sealed on PostgreSQL', () => {
  const receiver = new Receiver();
  const services: TestService[] = [];
  afterAll(async () => {
    for (const s of services) await s.close();
    await receiver.stop();
  });

  it('a secret stored in clear is sealed at the next start; new rules are stored sealed; deliveries are signed with the clear secret', async () => {
    await receiver.start();
    const first = await startTestService({ inMemory: false, env: ENV() });
    services.push(first);
    const uow = await first.container.getAsync<UnitOfWork>(TOKENS.UnitOfWork);
    const app = (await uow.read((r) => r.apps.findByName(first.org, first.app))) as App;

    // As a release before sealing stored it: straight through the adapter.
    const store = await first.container.getAsync<Database>(TOKENS.Store);
    await store.eventRules!.add({
      id: randomUUID(),
      appId: app.id,
      kind: 'webhook',
      target: receiver.url,
      secret: CLEAR_SECRET,
      operations: ['CREATE'],
      created: Date.now(),
    });
    expect(await storedSecrets()).toEqual([CLEAR_SECRET]);

    // The next start (a second instance on the same store) seals it in place.
    services.push(await startTestService({ inMemory: false, env: ENV() }));
    const [sealed] = await storedSecrets();
    expect(sealed).toMatch(/^sealed:v1:/);
    expect(sealed).not.toContain(CLEAR_SECRET);

    // A rule made through the service's store (as `admin webhooks add` makes it) is stored sealed.
    const database = await first.container.getAsync<Database>(TOKENS.Database);
    await database.eventRules!.add({
      id: randomUUID(),
      appId: app.id,
      kind: 'webhook',
      target: receiver.url,
      secret: NEW_SECRET,
      operations: ['DELETE'],
      created: Date.now() + 1,
    });
    const secrets = await storedSecrets();
    expect(secrets).toHaveLength(2);
    for (const s of secrets) expect(s).toMatch(/^sealed:v1:/);
    expect(secrets.join()).not.toContain(NEW_SECRET);
    expect((await database.eventRules!.list()).map((r) => r.secret)).toEqual([CLEAR_SECRET, NEW_SECRET]);

    // The callback is signed with the secret the receiver knows, not its sealed form.
    await registerUsers(first, 'ann');
    await createRoom(first, 'ann');
    const deadline = Date.now() + 15_000;
    while (receiver.hits.length === 0 && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 100));
    expect(receiver.hits).toHaveLength(1);
    expect(verified(receiver.hits[0]!, CLEAR_SECRET)).toBe(true);
  }, 90_000);
});
