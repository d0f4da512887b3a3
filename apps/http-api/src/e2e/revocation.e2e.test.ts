import { createTestDatabase } from '@chatroom/postgres-adapter/testing';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnAdmin } from '../testing/spawn-admin.js';
import { spawnService, type SpawnedService } from '../testing/spawn-service.js';

const db = await createTestDatabase();
if (!db) console.warn('Revocation tests skipped: no TEST_DATABASE_URL and no Docker engine.');

/** The app cache's lifetime (5 s) plus room for a loaded machine's scheduling. */
const WITHIN_MS = 6_500;
const APP = ['--org', 'rev', '--app', 'chat'];

async function token(
  base: string,
  clientId: string,
  clientSecret: string,
): Promise<{ status: number; token?: string }> {
  const r = await fetch(`${base}/rev/chat/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret }),
  });
  const body = (await r.json()) as { access_token?: string };
  return { status: r.status, ...(body.access_token ? { token: body.access_token } : {}) };
}

async function statusWith(base: string, bearer: string): Promise<number> {
  return (await fetch(`${base}/rev/chat/chatrooms`, { headers: { authorization: `Bearer ${bearer}` } })).status;
}

/** Milliseconds until `check` holds on every server (polled every 100 ms), failing past `WITHIN_MS * 2`. */
async function msUntil(check: () => Promise<boolean>): Promise<number> {
  const started = performance.now();
  while (!(await check())) {
    if (performance.now() - started > WITHIN_MS * 2) throw new Error('never happened');
    await sleep(100);
  }
  return performance.now() - started;
}

describe.skipIf(!db)('revocation across two server processes on one PostgreSQL database', () => {
  let a: SpawnedService;
  let b: SpawnedService;
  let clientId: string;
  let secret: string;
  beforeAll(async () => {
    const created = await spawnAdmin(['apps', 'create', ...APP], { DATABASE_URL: db!.url });
    expect(created.code).toBe(0);
    ({ client_id: clientId, client_secret: secret } = JSON.parse(created.stdout));
    a = await spawnService({ DATABASE_URL: db!.url });
    b = await spawnService({ DATABASE_URL: db!.url });
  }, 240_000);
  afterAll(async () => {
    await a?.stop();
    await b?.stop();
    await db?.drop();
  });

  it('rotate-secret: tokens issued before are refused by both within the app cache lifetime; the old secret stops working, the new one works', async () => {
    const before = (await token(a.url, clientId, secret)).token!;
    expect([await statusWith(a.url, before), await statusWith(b.url, before)]).toEqual([200, 200]);

    const rotated = await spawnAdmin(['apps', 'rotate-secret', ...APP], { DATABASE_URL: db!.url });
    expect(rotated.code).toBe(0);
    const next = JSON.parse(rotated.stdout).client_secret as string;

    const refusedAfter = await msUntil(
      async () => (await statusWith(a.url, before)) === 401 && (await statusWith(b.url, before)) === 401,
    );
    expect(refusedAfter).toBeLessThan(WITHIN_MS);
    expect(
      await msUntil(
        async () =>
          (await token(a.url, clientId, secret)).status === 400 &&
          (await token(b.url, clientId, secret)).status === 400,
      ),
    ).toBeLessThan(WITHIN_MS);
    const fresh = (await token(b.url, clientId, next)).token!;
    expect(await msUntil(async () => (await statusWith(a.url, fresh)) === 200)).toBeLessThan(WITHIN_MS);
    secret = next;
  }, 120_000);

  it('revoke-tokens: every token issued so far is refused by both within the app cache lifetime; the secret still gets accepted tokens', async () => {
    const issued = [(await token(a.url, clientId, secret)).token!, (await token(b.url, clientId, secret)).token!];
    for (const t of issued) expect([await statusWith(a.url, t), await statusWith(b.url, t)]).toEqual([200, 200]);

    const revoked = await spawnAdmin(['apps', 'revoke-tokens', ...APP], { DATABASE_URL: db!.url });
    expect(revoked.code).toBe(0);
    const refusedAfter = await msUntil(async () => {
      const statuses = await Promise.all(issued.flatMap((t) => [statusWith(a.url, t), statusWith(b.url, t)]));
      return statuses.every((s) => s === 401);
    });
    expect(refusedAfter).toBeLessThan(WITHIN_MS);
    const after = (await token(a.url, clientId, secret)).token!;
    expect(await msUntil(async () => (await statusWith(b.url, after)) === 200)).toBeLessThan(WITHIN_MS);
    // Once refused, always refused: the verified-token cache never brings a revoked token back.
    for (const t of issued) expect([await statusWith(a.url, t), await statusWith(b.url, t)]).toEqual([401, 401]);
  }, 120_000);
});
