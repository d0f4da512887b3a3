import { setTimeout as sleep } from 'node:timers/promises';
import { expect } from 'vitest';

/** Requests to the `lim/its` app of the limits end-to-end tests (and `/metrics`). */
export interface Answer {
  status: number;
  headers: Headers;
  body: any;
}

export async function call(base: string, method: string, path: string, token: string | null, body?: unknown): Promise<Answer> {
  const response = await fetch(`${base}${path.startsWith('/metrics') ? '' : '/lim/its'}${path}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
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
 * A burst of `perSecond` through `a`, then 5 through `b`, in one window: those of `b` must be
 * refused when the two share one budget. On a loaded machine, tried again in a quieter window.
 */
export async function burstsInOneWindow(a: string, b: string, token: string, perSecond: number): Promise<{ fromA: Answer[]; fromB: Answer[] }> {
  let fromA: Answer[] = [];
  let fromB: Answer[] = [];
  for (let attempt = 0; attempt < 3; attempt++) {
    await freshWindow();
    const started = Date.now();
    fromA = await burst(a, token, perSecond);
    fromB = await burst(b, token, 5);
    if (Date.now() - started < 700) break;
  }
  return { fromA, fromB };
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
