import {
  DEFAULT_TOKEN_POLICY,
  inMemoryDependencies,
  type IdempotencyRunner,
  type StoredResponse,
} from '@chatroom/domain';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { createUseCases } from '../../ports/use-cases.js';
import { createLogger } from '../../logger.js';
import { createHttpApp } from '../app.js';

// The middleware's side of a retry, without a database: a runner that, as the PostgreSQL one
// does after a deadlock, throws away a run and runs the request again (or replays a stored
// response after a run). Only the last run's response may reach the client.

/** What the runner does with the request; `stored` is what its `run()` calls returned. */
let script: 'run twice' | 'run then replay' | 'run then in progress' = 'run twice';
let stored: (StoredResponse | null)[] = [];
const runner: IdempotencyRunner = {
  active: () => false,
  async execute(_app, _key, _ttl, request) {
    stored.push(await request.run());
    if (script === 'run then replay') {
      await request.replay({ ...stored[0]!, body: JSON.stringify({ replayed: true }) });
      return 'done';
    }
    if (script === 'run then in progress') return 'in-progress';
    stored.push(await request.run());
    return 'done';
  },
};

/** Bodies the handler saw, one per run. */
const seen: unknown[] = [];
let server: Server;
let base: string;
let token: string;
beforeAll(async () => {
  const useCases = createUseCases(inMemoryDependencies(), DEFAULT_TOKEN_POLICY);
  await useCases.ensureApp.execute({ org: 'o', name: 'a', clientId: 'c', clientSecret: 's' });
  const app = createHttpApp({
    useCases,
    database: { isReady: async () => true, idempotency: runner },
    logger: createLogger('silent'),
    bodyLimitBytes: 1024,
    trustedProxies: 0,
    appCacheTtlMs: 0,
    extraRoutes: [
      (router, { tenant, auth, json }) =>
        router.post('/:org/:app/retried', tenant, auth, json, (ctx) => {
          seen.push(ctx.request.body);
          // Each run answers differently, so the test sees which one reached the client.
          if (seen.length === 1) {
            ctx.set('x-first-run-only', 'yes');
            ctx.status = 201;
            ctx.body = { run: 1 };
          } else {
            ctx.body = { run: seen.length };
          }
        }),
    ],
  });
  server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const issued = await fetch(`${base}/o/a/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ grant_type: 'client_credentials', client_id: 'c', client_secret: 's' }),
  });
  token = ((await issued.json()) as { access_token: string }).access_token;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));
beforeEach(() => {
  seen.length = 0;
  stored = [];
});

const post = (key?: string) =>
  fetch(`${base}/o/a/retried`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
      ...(key && { 'idempotency-key': key }),
    },
    body: JSON.stringify({ hello: 'world' }),
  });

it('a request run again gets a fresh response: only the last run is sent, the parsed body is reused', async () => {
  script = 'run twice';
  const response = await post('k1');
  expect(response.status).toBe(200);
  expect(await response.json()).toEqual({ run: 2 });
  expect(response.headers.get('x-first-run-only')).toBeNull();
  expect(seen).toEqual([{ hello: 'world' }, { hello: 'world' }]);
  expect(stored.map((s) => s && { status: s.status, body: s.body })).toEqual([
    { status: 201, body: '{"run":1}' },
    { status: 200, body: '{"run":2}' },
  ]);
  // Both runs fingerprint the same request: the raw body is kept across runs.
  expect(stored[1]!.fingerprint).toBe(stored[0]!.fingerprint);
});

it('a replay after a run: the stored response, nothing of the run', async () => {
  script = 'run then replay';
  const response = await post('k2');
  expect(response.status).toBe(201);
  expect(response.headers.get('idempotent-replayed')).toBe('true');
  expect(response.headers.get('x-first-run-only')).toBeNull();
  expect(await response.json()).toEqual({ replayed: true });
});

it('in progress after a run: the 409, nothing of the run', async () => {
  script = 'run then in progress';
  const response = await post('k3');
  expect(response.status).toBe(409);
  expect(response.headers.get('x-first-run-only')).toBeNull();
  expect(((await response.json()) as { error: string }).error).toBe('idempotency_key_in_progress');
});

it('without the header the handler runs once, as always', async () => {
  const response = await post();
  expect(response.status).toBe(201);
  expect(response.headers.get('x-first-run-only')).toBe('yes');
  expect(seen).toHaveLength(1);
  expect(stored).toEqual([]);
});
