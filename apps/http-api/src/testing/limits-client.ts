import { setTimeout as sleep } from 'node:timers/promises';
import { expect } from 'vitest';
import { TEST_METRICS_TOKEN } from './http-harness.js';

/** The service's environment for the `lim/its` app, limited to `perSecond` requests a second. */
export const limitsEnv = (perSecond: number) => ({
  BOOTSTRAP_ORG: 'lim',
  BOOTSTRAP_APP: 'its',
  BOOTSTRAP_CLIENT_ID: 'lim-client',
  BOOTSTRAP_CLIENT_SECRET: 'lim-secret',
  APP_RATE_LIMIT: String(perSecond),
  LOG_LEVEL: 'info',
});

/** Requests to the `lim/its` app of the limits end-to-end tests (and `/metrics`). */
export interface Answer {
  status: number;
  headers: Headers;
  body: any;
}

export async function call(
  base: string,
  method: string,
  path: string,
  token: string | null,
  body?: unknown,
): Promise<Answer> {
  const response = await fetch(`${base}${path.startsWith('/metrics') ? '' : '/lim/its'}${path}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(path.startsWith('/metrics') ? { authorization: `Bearer ${TEST_METRICS_TOKEN}` } : {}),
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // /metrics is text
  }
  return { status: response.status, headers: response.headers, body: parsed };
}

export const count = (answers: Answer[], status: number) => answers.filter((a) => a.status === status).length;

/** Waits out the current one-second window, so the next requests start a fresh one. */
export const freshWindow = () => sleep(1_100);

/** Requests to one user's details at once, through the service at `base`. */
export const burst = (base: string, token: string, n: number) =>
  Promise.all(Array.from({ length: n }, () => call(base, 'GET', '/users/olga', token)));

/**
 * A burst of `perSecond` through `a`, then 5 through `b`, in one window (on a loaded machine,
 * tried again in a quieter one): with one budget shared, `a` gets them all and `b` none.
 * Returns `b`'s answers.
 */
export async function expectOneSharedBudget(a: string, b: string, token: string, perSecond: number): Promise<Answer[]> {
  let fromA: Answer[] = [];
  let fromB: Answer[] = [];
  for (let attempt = 0; attempt < 3; attempt++) {
    await freshWindow();
    const started = Date.now();
    fromA = await burst(a, token, perSecond);
    fromB = await burst(b, token, 5);
    if (Date.now() - started < 700) break;
  }
  expect(count(fromA, 200)).toBe(perSecond);
  expect(count(fromB, 429)).toBe(5);
  expect(fromB[0]!.headers.get('ratelimit')).toMatch(/^"app";r=0;t=1$/);
  return fromB;
}

/** The app's token through `base`, then user olga registered in a fresh window. */
export async function tokenWithOlga(base: string): Promise<string> {
  const issued = await call(base, 'POST', '/token', null, {
    grant_type: 'client_credentials',
    client_id: 'lim-client',
    client_secret: 'lim-secret',
  });
  const token = issued.body.access_token as string;
  await freshWindow();
  expect((await call(base, 'POST', '/users', token, { username: 'olga', password: 'pw' })).status).toBe(200);
  return token;
}

/** Over budget with the limiter's store gone: never a 500, at least the budget through, some refused, the failure counted. */
export async function expectInstanceBudgetWithoutStore(base: string, token: string, perSecond: number): Promise<void> {
  await freshWindow();
  const answers = await burst(base, token, perSecond + 5);
  expect(count(answers, 500)).toBe(0);
  expect(count(answers, 200)).toBeGreaterThanOrEqual(perSecond);
  expect(count(answers, 429)).toBeGreaterThanOrEqual(1);
  expect((await call(base, 'GET', '/metrics', null)).body).toMatch(/^rate_limit_store_failures_total [1-9]\d*$/m);
}
