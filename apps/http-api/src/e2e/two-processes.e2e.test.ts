import { request } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { createTestDatabase } from '@chatroom/postgres-adapter/testing';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { assertDocumented } from '../testing/http-harness.js';
import { spawnService, type SpawnedService } from '../testing/spawn-service.js';

const db = await createTestDatabase();
if (!db) console.warn('Two-process tests skipped: no TEST_DATABASE_URL and no Docker engine.');

const BOOTSTRAP = {
  BOOTSTRAP_ORG: 'duo',
  BOOTSTRAP_APP: 'chat',
  BOOTSTRAP_CLIENT_ID: 'duo-client',
  BOOTSTRAP_CLIENT_SECRET: 'duo-secret',
};

async function call(base: string, method: string, path: string, token: string | null, body?: unknown) {
  const response = await fetch(`${base}/duo/chat${path}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  assertDocumented(method, `/duo/chat${path}`, response.status, response.headers.get('content-type'), text);
  return { status: response.status, body: JSON.parse(text) as any };
}

describe.skipIf(!db)('two server processes on one PostgreSQL database', () => {
  let a: SpawnedService;
  let b: SpawnedService;
  beforeAll(async () => {
    const env = { DATABASE_URL: db!.url, LOG_LEVEL: 'info', ...BOOTSTRAP };
    // One after the other, so the second finds the first one's migrations and app.
    a = await spawnService(env);
    b = await spawnService(env);
  }, 60_000);
  afterAll(async () => {
    await a?.stop();
    await b?.stop();
    await db?.drop();
  });

  it('a token issued by one is accepted by the other, and a room created on one is visible on the other', async () => {
    const token = await call(a.url, 'POST', '/token', null, {
      grant_type: 'client_credentials',
      client_id: 'duo-client',
      client_secret: 'duo-secret',
    });
    expect(token.status).toBe(200);
    const bearer = token.body.access_token as string;

    expect((await call(b.url, 'POST', '/users', bearer, { username: 'owner', password: 'pw' })).status).toBe(200);
    const created = await call(a.url, 'POST', '/chatrooms', bearer, {
      name: 'shared',
      description: 'd',
      owner: 'owner',
    });
    expect(created.status).toBe(200);
    const seen = await call(b.url, 'GET', `/chatrooms/${created.body.data.id}`, bearer);
    expect(seen.status).toBe(200);
    expect(seen.body.data[0]).toMatchObject({ id: created.body.data.id, name: 'shared', owner: 'owner' });
  });

  it('logs one structured line per request with the request id, method, path, status and duration', async () => {
    await fetch(`${b.url}/health`, { headers: { 'x-request-id': 'two-proc-1' } });
    // The line is written once the response has gone out: give the pipe a moment.
    await vi.waitFor(() => expect(b.lines.some((l) => l.includes('two-proc-1'))).toBe(true));
    const line = b.lines.map((l) => JSON.parse(l)).find((l) => l.reqId === 'two-proc-1');
    expect(line).toMatchObject({
      msg: 'request',
      method: 'GET',
      path: '/health',
      status: 200,
      durationMs: expect.any(Number),
    });
  });

  it('SIGTERM lets a request in flight finish, refuses new connections, then exits 0', async () => {
    // A token request whose body is still arriving when the signal comes.
    const body = JSON.stringify({
      grant_type: 'client_credentials',
      client_id: 'duo-client',
      client_secret: 'duo-secret',
    });
    const req = request(`${a.url}/duo/chat/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
    });
    const response = new Promise<{ status: number; text: string }>((resolve, reject) => {
      req.on('response', (res) => {
        let text = '';
        res.on('data', (chunk) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode!, text }));
      });
      req.on('error', reject);
    });
    req.write(body.slice(0, 10));
    await sleep(300);
    const exited = a.stop();
    await sleep(300);
    await expect(fetch(`${a.url}/health`)).rejects.toThrow();
    req.end(body.slice(10));
    const finished = await response;
    expect(finished.status).toBe(200);
    expect(JSON.parse(finished.text).access_token).toBeTruthy();
    expect(await exited).toBe(0);
    expect(a.lines.some((l) => JSON.parse(l).msg === 'stopped')).toBe(true);
  });
});
