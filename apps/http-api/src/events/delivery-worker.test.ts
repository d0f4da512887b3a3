import pino from 'pino';
import { setTimeout as delay } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { DeliveryWorker } from './delivery-worker.js';

const silent = pino({ level: 'silent' });
let worker: DeliveryWorker | undefined;
afterEach(async () => worker?.stop());

/** A worker whose rounds claim what `claims` says, in order (then 0), recording when each ran. */
function workerWith(claims: number[], options: { pollMs: number; gatherMs: number; batch?: number }) {
  const rounds: number[] = [];
  const started = Date.now();
  worker = new DeliveryWorker(
    async () => {
      rounds.push(Date.now() - started);
      return claims.shift() ?? 0;
    },
    async () => 0,
    { pruneEveryMs: 60_000, batch: options.batch ?? 64, pollMs: options.pollMs, gatherMs: options.gatherMs },
    silent,
  );
  worker.start();
  return { worker, rounds };
}

describe('DeliveryWorker', () => {
  it('commits nudging within the gather window share one round, run after the window', async () => {
    const { worker, rounds } = workerWith([], { pollMs: 10_000, gatherMs: 400 });
    await delay(30); // the first round (at start) has run; the loop now waits for the poll
    expect(rounds).toHaveLength(1);
    for (let i = 0; i < 5; i++) {
      worker.nudge();
      await delay(5);
    }
    expect(rounds).toHaveLength(1); // still gathering
    await delay(700);
    expect(rounds).toHaveLength(2);
    expect(rounds[1]! - rounds[0]!).toBeGreaterThanOrEqual(400);
  });

  it('a full round is followed by the next at once, without the poll or the gather pause', async () => {
    const { rounds } = workerWith([64, 64, 64], { pollMs: 10_000, gatherMs: 1_000 });
    await delay(500);
    expect(rounds).toHaveLength(4); // three full rounds, then one that found less
  });

  it('without nudges it polls every pollMs, with no gather pause', async () => {
    const { rounds } = workerWith([], { pollMs: 50, gatherMs: 1_000 });
    await delay(600);
    expect(rounds.length).toBeGreaterThanOrEqual(4); // a gather pause would allow one
  });

  it('stop ends a gather pause at once', async () => {
    const { worker } = workerWith([], { pollMs: 10_000, gatherMs: 10_000 });
    await delay(20);
    worker.nudge();
    await delay(20);
    const started = Date.now();
    await worker.stop();
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});
