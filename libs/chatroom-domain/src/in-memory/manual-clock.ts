import type { Clock } from '../ports/clock.js';

/** A clock that moves only when told to, so tests can cross expiry times exactly. */
export class ManualClock implements Clock {
  constructor(private current = Date.UTC(2026, 0, 1)) {}

  now(): number {
    return this.current;
  }

  advance(ms: number): void {
    this.current += ms;
  }
}
