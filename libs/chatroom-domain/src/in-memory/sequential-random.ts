import type { Random } from '../ports/random.js';

/** Predictable "random" values for tests: distinct, well-formed, not secret. */
export class SequentialRandom implements Random {
  private n = 0;

  uuid(): string {
    const hex = (++this.n).toString(16).padStart(12, '0');
    return `00000000-0000-4000-8000-${hex}`;
  }

  secret(): string {
    return `secret-${++this.n}-${'x'.repeat(40)}`;
  }
}
