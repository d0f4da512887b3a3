import type { IdGenerator } from '../ports/id-generator.js';

/** Increasing numbers from a start value that looks like Easemob's 15-digit ids. */
export class InMemoryIdGenerator implements IdGenerator {
  constructor(private last = 100_000_000_000_000) {}

  async next(): Promise<number> {
    return ++this.last;
  }
}
