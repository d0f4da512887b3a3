import { RateLimiterMemory, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { BudgetCheck } from './rate-budgets.js';

/** One rate-limiter-flexible check: refusals come back as values, store failures are thrown. */
export async function consumeOne(limiter: RateLimiterAbstract, key: string): Promise<BudgetCheck> {
  try {
    const res = await limiter.consume(key);
    return { allowed: true, remaining: res.remainingPoints, resetMs: res.msBeforeNext };
  } catch (outcome) {
    // The library rejects with a RateLimiterRes when the budget is used up, an Error when its store fails.
    if (outcome instanceof RateLimiterRes) return { allowed: false, remaining: 0, resetMs: outcome.msBeforeNext };
    throw outcome;
  }
}

/** One limiter per distinct budget size, made on first use (the library fixes `points` per limiter). */
export function limiterPerSize<L>(make: (perSecond: number) => L): (perSecond: number) => L {
  const made = new Map<number, L>();
  return (perSecond) => {
    let limiter = made.get(perSecond);
    if (!limiter) made.set(perSecond, (limiter = make(perSecond)));
    return limiter;
  };
}

/** Budgets counted in this process only: PGlite (one process owns the data) and tests. */
export function memoryBudgets() {
  const limiter = limiterPerSize((perSecond) => new RateLimiterMemory({ points: perSecond, duration: 1 }));
  return { consume: (key: string, perSecond: number) => consumeOne(limiter(perSecond), key) };
}
