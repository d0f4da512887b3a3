import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clock } from '../ports/clock.js';
import type { IdGenerator } from '../ports/id-generator.js';
import { inParallel } from './store-fixtures.js';

/** Two instances sharing one store, as two processes would have. */
export interface IdGeneratorPair {
  readonly first: IdGenerator;
  /** Another instance on the same store (the same instance only where one process owns the store, e.g. PGlite). */
  readonly second: IdGenerator;
  close(): Promise<void>;
}

/**
 * The clock the suite hands to the generators: it stands still until `advance`, so thousands
 * of ids are drawn within one millisecond. A generator that waits for the next millisecond by
 * reading the clock in a loop sees it move after every 100,000 readings, so it is slowed, not hung.
 */
export class SteppingClock implements Clock {
  private readings = 0;
  constructor(private current = Date.UTC(2026, 0, 1)) {}

  now(): number {
    this.readings += 1;
    if (this.readings % 100_000 === 0) this.current += 1;
    return this.current;
  }

  advance(ms: number): void {
    this.current += ms;
  }
}

/** More ids than one millisecond holds in a snowflake layout (12 sequence bits: 4,096). */
export const IDS_IN_ONE_MILLISECOND = 5_000;

/** Every id is a positive safe integer. */
export async function checkSafeIntegers(ids: IdGeneratorPair): Promise<void> {
  for (let i = 0; i < 20; i++) {
    const id = await (i % 2 === 0 ? ids.first : ids.second).next();
    expect(Number.isSafeInteger(id), `${id} is a safe integer`).toBe(true);
    expect(id).toBeGreaterThan(0);
  }
}

/**
 * 5,000 ids within one millisecond of the clock, drawn one after another, alternating between
 * the two instances: each is greater than every id before it, by either instance.
 */
export async function checkIncreasingAcrossInstances(ids: IdGeneratorPair, clock: SteppingClock): Promise<void> {
  let highest = 0;
  for (let i = 0; i < IDS_IN_ONE_MILLISECOND; i++) {
    const id = await (i % 2 === 0 ? ids.first : ids.second).next();
    if (!(id > highest))
      throw new Error(`draw ${i} (instance ${(i % 2) + 1}) gave ${id}, not above ${highest} drawn before`);
    highest = id;
  }
  clock.advance(1);
  const after = await ids.second.next();
  expect(after).toBeGreaterThan(highest);
}

/**
 * 5,000 ids within one millisecond from one instance: never the same number twice, and each
 * greater than the one before.
 */
export async function checkIncreasingWithinOneMillisecond(ids: IdGeneratorPair, clock: SteppingClock): Promise<void> {
  clock.advance(1);
  const drawn: number[] = [];
  for (let i = 0; i < IDS_IN_ONE_MILLISECOND; i++) drawn.push(await ids.first.next());
  expect(new Set(drawn).size).toBe(drawn.length);
  const decreasing = drawn.findIndex((id, i) => i > 0 && !(id > drawn[i - 1]!));
  expect(decreasing, `draw ${decreasing} gave ${drawn[decreasing]} after ${drawn[decreasing - 1]}`).toBe(-1);
}

/** Concurrent calls on both instances never return the same number, and later calls exceed them all. */
export async function checkConcurrentCalls(ids: IdGeneratorPair): Promise<void> {
  const before = await ids.first.next();
  const burst = await inParallel(400, (i) => (i % 2 === 0 ? ids.first : ids.second).next());
  const after = await ids.second.next();
  expect(new Set(burst).size).toBe(burst.length);
  expect(Math.min(...burst)).toBeGreaterThan(before);
  expect(after).toBeGreaterThan(Math.max(...burst));
}

/**
 * `IdGenerator`: increasing, never repeated, safe integers: by any instance sharing the store,
 * also past a millisecond's worth of ids and under concurrent calls. `make` gets the clock the
 * generators must read time from, if they read it at all (a database sequence ignores it).
 */
export function describeIdGeneratorContract(name: string, make: (clock: Clock) => Promise<IdGeneratorPair>): void {
  describe(`${name}: IdGenerator contract`, () => {
    const clock = new SteppingClock();
    let made: IdGeneratorPair | undefined;
    beforeAll(async () => {
      made = await make(clock);
    });
    afterAll(() => made?.close());
    const ids = () => made!;

    it('returns positive safe integers (below 2^53)', () => checkSafeIntegers(ids()));
    it(
      `${IDS_IN_ONE_MILLISECOND} calls within one millisecond, alternating between two instances, each exceed every call before`,
      () => checkIncreasingAcrossInstances(ids(), clock),
      60_000,
    );
    it(
      `${IDS_IN_ONE_MILLISECOND} calls within one millisecond on one instance never repeat and keep increasing`,
      () => checkIncreasingWithinOneMillisecond(ids(), clock),
      60_000,
    );
    it(
      'concurrent calls on both instances never return the same number, and later calls exceed them all',
      () => checkConcurrentCalls(ids()),
      60_000,
    );
  });
}
