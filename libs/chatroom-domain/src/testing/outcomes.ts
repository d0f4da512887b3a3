import { DomainError } from '../errors/domain-error.js';
import type { StoreHandle } from './store-factory.js';
import { sleep } from './store-fixtures.js';

// The domain compiles without platform typings; a timer is the one platform API the suite needs.
declare const setTimeout: (callback: () => void, ms: number) => unknown;

/** 'ok', or the code of the domain error the call failed with; any other failure fails the test. */
export async function outcomeOf(call: Promise<unknown>): Promise<string> {
  try {
    await call;
    return 'ok';
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
}

/** How many times each outcome occurs. */
export function tally(outcomes: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const o of outcomes) counts[o] = (counts[o] ?? 0) + 1;
  return counts;
}

export class TimedOut extends Error {}

/** The promise's value, or a TimedOut rejection after `ms`. */
export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => setTimeout(() => reject(new TimedOut(`${what} (waited ${ms} ms)`)), ms)),
  ]);
}

/** How long a forced interleaving waits to see its second unit blocked. */
const BLOCKED_WITHIN_MS = 10_000;

/**
 * Resolves once at least `count` units of the store wait for a lock (the store's probe);
 * fails the test when none does: then the interleaving it forces did not happen.
 */
export async function waitForBlocked(h: StoreHandle, count = 1, withinMs = BLOCKED_WITHIN_MS): Promise<void> {
  const deadline = Date.now() + withinMs;
  while ((await h.probes.blockedUnits()) < count) {
    if (Date.now() > deadline) {
      throw new Error(
        `no unit of work waited for the held lock within ${withinMs} ms: the interleaving was not forced`,
      );
    }
    await sleep(5);
  }
}
