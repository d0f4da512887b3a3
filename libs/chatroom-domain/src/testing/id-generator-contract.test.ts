// The IdGenerator contract must fail generators that break the port's promise. Two snowflake-style
// generators (time << 22 | worker << 12 | sequence) that a weaker suite passed are run through
// the contract's checks, which must reject them; a correct generator must pass the same checks.
import { describe, expect, it } from 'vitest';
import { InMemoryIdGenerator } from '../in-memory/in-memory-id-generator.js';
import type { Clock } from '../ports/clock.js';
import type { IdGenerator } from '../ports/id-generator.js';
import {
  checkConcurrentCalls,
  checkIncreasingAcrossInstances,
  checkIncreasingWithinOneMillisecond,
  checkSafeIntegers,
  SteppingClock,
  type IdGeneratorPair,
} from './id-generator-contract.js';

const EPOCH = Date.UTC(2026, 0, 1);

/** A snowflake generator: milliseconds since EPOCH, a worker number, a 12-bit sequence within the millisecond. */
class SnowflakeIdGenerator implements IdGenerator {
  private lastMs = -1;
  private sequence = 0;

  constructor(
    private readonly clock: Clock,
    private readonly worker: number,
    /** Whether it waits for the next millisecond when the sequence runs out (or wraps, as a careless one does). */
    private readonly waitsWhenFull: boolean,
  ) {}

  async next(): Promise<number> {
    let ms = this.clock.now() - EPOCH;
    if (ms === this.lastMs) {
      this.sequence = (this.sequence + 1) % 4096;
      if (this.sequence === 0 && this.waitsWhenFull) while ((ms = this.clock.now() - EPOCH) <= this.lastMs);
    } else {
      this.sequence = 0;
    }
    this.lastMs = ms;
    return ms * 2 ** 22 + this.worker * 2 ** 12 + this.sequence;
  }
}

function pair(first: IdGenerator, second: IdGenerator): IdGeneratorPair {
  return { first, second, close: async () => {} };
}

describe('the IdGenerator contract rejects snowflake-style generators', () => {
  it('two careful snowflake instances (workers 1 and 2) each increase alone, but not across instances', async () => {
    const clock = new SteppingClock(EPOCH + 1000);
    const ids = pair(new SnowflakeIdGenerator(clock, 1, true), new SnowflakeIdGenerator(clock, 2, true));
    await checkSafeIntegers(ids); // nothing wrong with the numbers themselves
    await checkIncreasingWithinOneMillisecond(ids, clock); // nor with one instance alone
    await expect(checkIncreasingAcrossInstances(ids, clock)).rejects.toThrow(/instance 1.*not above/);
  });

  it('a snowflake that wraps its sequence within a millisecond repeats itself after 4,096 ids', async () => {
    const clock = new SteppingClock(EPOCH + 1000);
    const one = new SnowflakeIdGenerator(clock, 1, false);
    await expect(checkIncreasingWithinOneMillisecond(pair(one, one), clock)).rejects.toThrow();
  });

  it('two snowflake instances drawing at once hand out numbers below one drawn before', async () => {
    const clock = new SteppingClock(EPOCH + 1000);
    const ids = pair(new SnowflakeIdGenerator(clock, 2, true), new SnowflakeIdGenerator(clock, 1, true));
    await expect(checkConcurrentCalls(ids)).rejects.toThrow();
  });

  it('a shared counter passes every check', async () => {
    const clock = new SteppingClock();
    const first = new InMemoryIdGenerator();
    const ids = pair(first, first.sharing());
    await checkSafeIntegers(ids);
    await checkIncreasingAcrossInstances(ids, clock);
    await checkIncreasingWithinOneMillisecond(ids, clock);
    await checkConcurrentCalls(ids);
  });
});
