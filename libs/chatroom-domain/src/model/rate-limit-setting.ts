import type { RateLimitSetting } from './app.js';

/** Highest plain per-second budget an app may be given. */
export const RATE_LIMIT_MAX_PER_SECOND = 1_000_000;

/**
 * The text form used by the CLI (`--rate-limit`), the environment (`APP_RATE_LIMIT`) and the
 * store: `off`, `easemob` (the reference's documented defaults) or a decimal number of requests
 * per second for the app as a whole. Undefined when the text is none of these.
 */
export function parseRateLimit(text: string): RateLimitSetting | undefined {
  const value = text.trim().toLowerCase();
  if (value === 'off' || value === 'easemob') return value;
  if (!/^[1-9]\d{0,6}$/.test(value)) return undefined;
  const perSecond = Number(value);
  return perSecond <= RATE_LIMIT_MAX_PER_SECOND ? { perSecond } : undefined;
}

export function formatRateLimit(setting: RateLimitSetting): string {
  return typeof setting === 'string' ? setting : String(setting.perSecond);
}

export const RATE_LIMIT_HINT = `off, easemob or a whole number of requests per second from 1 to ${RATE_LIMIT_MAX_PER_SECOND}`;
