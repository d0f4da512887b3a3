/** First retry after about this long; each further one waits twice as long, up to the cap. */
export const RETRY_BASE_MS = 1_000;
export const RETRY_CAP_MS = 60 * 60_000;
/** A delivery still failing this long after its event is kept as dead (replayable). */
export const GIVE_UP_AFTER_MS = 25 * 60 * 60_000;

/**
 * When to try again after `attempts` failed attempts: exponential back-off with full jitter
 * between half and all of the step, so receivers coming back are not hit by every instance at
 * once; null once the event is older than GIVE_UP_AFTER_MS (≥ 24 h of retries, then dead).
 */
export function nextAttempt(now: number, eventTimestamp: number, attempts: number, random01: number): number | null {
  if (now - eventTimestamp >= GIVE_UP_AFTER_MS) return null;
  const step = Math.min(RETRY_CAP_MS, RETRY_BASE_MS * 2 ** Math.max(0, attempts - 1));
  return now + Math.round(step / 2 + (step / 2) * random01);
}
