import { RateLimiterMemory, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { BudgetCheck, RateBudgets } from './rate-budgets.js';

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

export interface StoreBudgetsOptions {
  /** How long a check may wait for the store before the in-process budget decides instead. */
  readonly timeoutMs: number;
  /** Told of every check the store could not answer in time (metrics, a throttled log line). */
  readonly onStoreFailure: (error: unknown) => void;
}

/**
 * Budgets shared through a database store, with the fallback every store gets: when the store
 * fails or answers later than `timeoutMs` (its table gone, the database slow or away), the check
 * falls back to a budget of the same size in this process. The service keeps answering (never a
 * 500 for the limiter's sake), each instance still caps what it lets through, and the shared
 * budget resumes with the store. Fail-open towards the shared count, bounded per instance.
 */
export function storeBudgets(
  shared: (perSecond: number) => RateLimiterAbstract,
  options: StoreBudgetsOptions,
  close: () => Promise<void>,
): RateBudgets {
  const local = memoryBudgets();
  return {
    async consume(key: string, perSecond: number): Promise<BudgetCheck> {
      try {
        return await withTimeout(consumeOne(shared(perSecond), key), options.timeoutMs);
      } catch (error) {
        options.onStoreFailure(error);
        return local.consume(key, perSecond);
      }
    },
    close,
  };
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`rate-limit store gave no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

/**
 * What every shared store's limiter is told: the table exists (a migration made it), windows of
 * one second, expired rows swept hourly (the next check of a key rewrites its row anyway), and
 * once a window's budget is spent the rest of it is refused from memory: a flood costs the store
 * one round trip per instance and window, not one per request.
 */
export function sharedLimiterOptions(tableName: string, perSecond: number) {
  return {
    tableName,
    tableCreated: true,
    points: perSecond,
    duration: 1,
    clearExpiredByTimeout: true,
    inMemoryBlockOnConsumed: perSecond,
  };
}
