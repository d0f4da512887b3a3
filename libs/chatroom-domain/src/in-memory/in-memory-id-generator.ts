import type { IdGenerator } from '../ports/id-generator.js';

/**
 * Increasing numbers from a start value that looks like Easemob's 15-digit ids. Instances made
 * with `sharing()` draw from the same counter, as instances sharing one store must.
 */
export class InMemoryIdGenerator implements IdGenerator {
  private readonly counter: { last: number };

  constructor(start = 100_000_000_000_000, counter?: { last: number }) {
    this.counter = counter ?? { last: start };
  }

  /** Another instance on the same counter. */
  sharing(): InMemoryIdGenerator {
    return new InMemoryIdGenerator(0, this.counter);
  }

  async next(): Promise<number> {
    return ++this.counter.last;
  }
}
