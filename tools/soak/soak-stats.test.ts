import { describe, expect, it } from 'vitest';
import { p99Drift } from './soak-stats.js';

describe('the soak p99 drift', () => {
  it('catches a p99 that rises minute after minute', () => {
    expect(p99Drift([40, 50, 60, 70])).toBeGreaterThanOrEqual(0.25);
    expect(p99Drift([40, 80])).toBeCloseTo(1);
  });

  it('compares halves, so one noisy minute at either end moves it less than the ends alone would', () => {
    // First and last minute alone: 57 → 74 ms, +30 %; the halves: 59.5 → 71.5 ms.
    expect(p99Drift([57, 62, 69, 74])).toBeCloseTo(71.5 / 59.5 - 1);
    expect(p99Drift([57, 62, 69, 74])).toBeLessThan(0.25);
  });

  it('leaves out the middle minute of an odd count, and cannot tell from fewer than two', () => {
    expect(p99Drift([30, 1000, 30])).toBe(0);
    expect(p99Drift([30])).toBeNaN();
  });
});
