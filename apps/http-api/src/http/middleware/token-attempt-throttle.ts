import { DomainError } from '@chatroom/domain';
import type { Middleware } from 'koa';
import { RateLimiterMemory, type RateLimiterRes } from 'rate-limiter-flexible';
import { TransportError } from '../transport-errors.js';
import type { AppContext, RequestState } from '../state.js';

export interface TokenThrottleLimits {
  /** Failed attempts allowed per app and client id within `windowSeconds`. */
  readonly perClientId: number;
  /** Failed attempts allowed per source address within `windowSeconds`, whatever the app. */
  readonly perAddress: number;
  readonly windowSeconds: number;
}

/** A guesser gets 10 tries a minute per client id; a client behind a shared NAT, 50 across ids. */
export const DEFAULT_TOKEN_THROTTLE: TokenThrottleLimits = { perClientId: 10, perAddress: 50, windowSeconds: 60 };

/**
 * Throttles failed `/token` attempts (a wrong client id or secret) per app + client id and per
 * source address (`ctx.ip`, the proxy's X-Forwarded-For only with TRUST_PROXY). Once either
 * budget is spent, requests are refused with 429 and `Retry-After` until the window ends,
 * before any secret is checked. Successful requests cost nothing. The counters live in this
 * process (rate-limiter-flexible's memory store): with N instances behind a balancer a guesser
 * gets at most N times the budget, still far too few tries for a 256-bit secret; the point is
 * to keep scrypt's CPU from being spent on a flood.
 */
export function tokenAttemptThrottle(limits: TokenThrottleLimits = DEFAULT_TOKEN_THROTTLE): Middleware<RequestState> {
  return attemptThrottle(limits, {
    subject(ctx) {
      const body = ctx.request.body as { client_id?: unknown } | undefined;
      const clientId = typeof body?.client_id === 'string' ? body.client_id.slice(0, 256) : '';
      return `${ctx.state.app.id}\n${clientId}`;
    },
    failed: (error) => error instanceof DomainError && error.code === 'ClientSecretMismatch',
  });
}

/** What one throttled kind of sign-in attempt is counted by, and which outcome is a failure. */
export interface AttemptKind {
  /** The name tried (an app + client id, an operator name), trimmed to a bounded key. */
  subject(ctx: AppContext): string;
  /** Whether what the route threw is a wrong credential (only those cost budget). */
  failed(error: unknown): boolean;
}

/**
 * Failed attempts of one kind per subject and per source address; once either budget is spent,
 * 429 with `Retry-After` before any credential is checked. `/token` and the operator sign-in
 * each build their own (their counters are separate).
 */
export function attemptThrottle(limits: TokenThrottleLimits, kind: AttemptKind): Middleware<RequestState> {
  const byClient = new RateLimiterMemory({ points: limits.perClientId, duration: limits.windowSeconds });
  const byAddress = new RateLimiterMemory({ points: limits.perAddress, duration: limits.windowSeconds });
  return async (ctx, next) => {
    const clientKey = kind.subject(ctx);
    const addressKey = ctx.ip;
    const spent = [
      spentFor(await byClient.get(clientKey), limits.perClientId),
      spentFor(await byAddress.get(addressKey), limits.perAddress),
    ].filter((ms): ms is number => ms !== null);
    if (spent.length > 0) throw tooManyAttempts(Math.max(...spent));
    try {
      await next();
    } catch (error) {
      if (kind.failed(error)) {
        // Rejections only mean the budget is spent: the next request is refused above.
        await Promise.allSettled([byClient.consume(clientKey), byAddress.consume(addressKey)]);
      }
      throw error;
    }
  };
}

/** Milliseconds until the budget returns, or null while some is left. */
function spentFor(res: RateLimiterRes | null, points: number): number | null {
  return res && res.consumedPoints >= points ? res.msBeforeNext : null;
}

function tooManyAttempts(msBeforeNext: number): TransportError {
  const seconds = Math.max(1, Math.ceil(msBeforeNext / 1000));
  return new TransportError(
    429,
    'too_many_requests',
    `too many failed token requests: try again in ${seconds} seconds`,
    'TooManyRequestsError',
    { 'retry-after': String(seconds) },
  );
}
