import { DEFAULT_TOKEN_POLICY, inMemoryDependencies } from '@chatroom/domain';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createUseCases } from '../ports/use-cases.js';
import { createLogger } from '../logger.js';
import { createHttpApp } from './app.js';

let server: Server;
let base: string;
beforeAll(async () => {
  const useCases = createUseCases(inMemoryDependencies(), DEFAULT_TOKEN_POLICY);
  await useCases.ensureApp.execute({ org: 'o', name: 'a', clientId: 'c', clientSecret: 's' });
  const app = createHttpApp({
    useCases,
    database: { isReady: async () => true },
    logger: createLogger('silent'),
    bodyLimitBytes: 1024,
    trustedProxies: 0,
    appCacheTtlMs: 0,
    // Registered after every built-in route, `chatrooms/:ids` included.
    extraRoutes: [
      (router, { tenant }) =>
        router.get('/:org/:app/chatrooms/extra_literal', tenant, (ctx) => {
          ctx.body = { literal: true };
        }),
    ],
  });
  server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

it('a literal segment wins over `chatrooms/:ids`, whatever the registration order', async () => {
  const response = await fetch(`${base}/o/a/chatrooms/extra_literal`);
  expect(response.status).toBe(200);
  expect(await response.json()).toEqual({ literal: true });
});

it('`chatrooms/:ids` still serves every other id', async () => {
  const response = await fetch(`${base}/o/a/chatrooms/123`);
  expect(response.status).toBe(401); // reached the details route, which wants a token
});
