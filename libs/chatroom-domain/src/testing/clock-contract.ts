import { describe, expect, it } from 'vitest';
import type { Clock } from '../ports/clock.js';

const YEAR_2020_MS = Date.UTC(2020, 0, 1);
const YEAR_2100_MS = Date.UTC(2100, 0, 1);

/** `Clock`: whole milliseconds since the epoch, never going back. */
export function describeClockContract(name: string, make: () => Clock): void {
  describe(`${name}: Clock contract`, () => {
    it('now is a whole number of milliseconds since the epoch (not seconds)', () => {
      const now = make().now();
      expect(Number.isSafeInteger(now)).toBe(true);
      expect(now).toBeGreaterThan(YEAR_2020_MS);
      expect(now).toBeLessThan(YEAR_2100_MS);
    });

    it('successive readings never go backwards', () => {
      const clock = make();
      let last = clock.now();
      for (let i = 0; i < 1000; i++) {
        const now = clock.now();
        expect(now).toBeGreaterThanOrEqual(last);
        last = now;
      }
    });
  });
}
