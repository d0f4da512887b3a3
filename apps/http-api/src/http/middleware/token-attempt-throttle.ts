import { DomainError } from '@chatroom/domain';
import type { Middleware } from 'koa';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { TransportError } from '../transport-errors.js';
import type { AppContext, RequestState } from '../state.js';

export interface TokenThrottleLimits {
  /** Failed attempts allowed per source address, app and client id within `windowSeconds`. */
  readonly perAddressAndClient: number;
  /** Failed attempts allowed per source address within `windowSeconds`, whatever the app or id. */
  readonly perAddress: number;
  /** Failed attempts per app and client id, from anywhere, after which each attempt waits `slowdownMs`. */
  readonly perClientBeforeSlowdown: number;
  readonly slowdownMs: number;
  readonly windowSeconds: number;
}

/**
 * A guesser gets 10 tries a minute per client id from one address, 50 across ids; once an id
 * has failed 20 times in a minute from anywhere, every attempt at it waits a second first.
 */
export const DEFAULT_TOKEN_THROTTLE: TokenThrottleLimits = {
  perAddressAndClient: 10,
  perAddress: 50,
  perClientBeforeSlowdown: 20,
  slowdownMs: 1_000,
  windowSeconds: 60,
};

export interface TokenAttemptThrottle {
  /** Before the body is read: refuses an address whose budget is spent. */
  readonly byAddress: Middleware<RequestState>;
  /** After the body is read: refuses the (address, client id) pair, slows the client id. */
  readonly byClient: Middleware<RequestState>;
}

/**
 * Throttles failed `/token` attempts. Every attempt takes its point before the secret is
 * checked (one atomic `consume` per budget, so N concurrent guesses cannot all pass a check
 * that reads before and counts after), and gets it back unless it turned out to be a wrong
 * secret. Refusals (429 with `Retry-After`) are keyed by the source address: per address, and
 * per address + app + client id. Keyed by client id alone, attempts are only slowed, never
 * refused: a flood from other addresses then cannot lock the right client out, only delay it by
 * `slowdownMs`. The source address is `ctx.ip` (X-Forwarded-For only as TRUSTED_PROXIES says).
 * Counters live in this process (rate-limiter-flexible's memory store): N instances give a
 * guesser N times the budget, still far too few tries for a 256-bit secret.
 */
export function tokenAttemptThrottle(limits: TokenThrottleLimits = DEFAULT_TOKEN_THROTTLE): TokenAttemptThrottle {
  return attemptThrottle(limits, {
    subject(ctx) {
      const body = ctx.request.body as { client_id?: unknown } | undefined;
      const clientId = typeof body?.client_id === 'string' ? body.client_id.slice(0, 256) : '';
      return `${ctx.state.app.id}\n${clientId}`;
    },
    failed: (error) => error instanceof DomainError && error.code === 'ClientSecretMismatch',
    refusal: 'too many failed token requests',
  });
}

/** What one throttled kind of sign-in attempt is counted by, and which outcome is a failure. */
export interface AttemptKind {
  /** The name tried (an app + client id, an operator name), trimmed to a bounded key. */
  subject(ctx: AppContext): string;
  /** Whether what the route threw is a wrong credential (only those keep their points). */
  failed(error: unknown): boolean;
  /** The 429's description, before "try again in N seconds". */
  readonly refusal: string;
}

/**
 * The throttle above for any kind of sign-in: `/token` and the operator sign-in each build their
 * own, so their counters are separate.
 */
export function attemptThrottle(limits: TokenThrottleLimits, kind: AttemptKind): TokenAttemptThrottle {
  const window = { duration: limits.windowSeconds };
  const address = new RateLimiterMemory({ points: limits.perAddress, ...window });
  const pair = new RateLimiterMemory({ points: limits.perAddressAndClient, ...window });
  const client = new RateLimiterMemory({ points: limits.perClientBeforeSlowdown, ...window });

  return {
    async byAddress(ctx, next) {
      await spendOrRefuse(address, ctx.ip, kind);
      await keepIfGuessed(next, kind, [[address, ctx.ip]]);
    },
    async byClient(ctx, next) {
      const clientKey = kind.subject(ctx);
      const pairKey = `${ctx.ip}\n${clientKey}`;
      await spendOrRefuse(pair, pairKey, kind);
      const over = await client.consume(clientKey).then(
        () => false,
        (outcome: unknown) => outcome instanceof RateLimiterRes,
      );
      if (over) await new Promise((resolve) => setTimeout(resolve, limits.slowdownMs));
      await keepIfGuessed(next, kind, [
        [pair, pairKey],
        [client, clientKey],
      ]);
    },
  };
}

/** Takes one point, or refuses with 429 when none is left. */
async function spendOrRefuse(limiter: RateLimiterMemory, key: string, kind: AttemptKind): Promise<void> {
  try {
    await limiter.consume(key);
  } catch (outcome) {
    if (outcome instanceof RateLimiterRes) throw tooManyAttempts(outcome.msBeforeNext, kind.refusal);
    throw outcome;
  }
}

/** Runs the rest; the points taken are given back unless the secret was wrong. */
async function keepIfGuessed(
  next: () => Promise<unknown>,
  kind: AttemptKind,
  spent: readonly (readonly [RateLimiterMemory, string])[],
): Promise<void> {
  let guessed = false;
  try {
    await next();
  } catch (error) {
    guessed = kind.failed(error);
    throw error;
  } finally {
    if (!guessed) await Promise.all(spent.map(([limiter, key]) => limiter.reward(key)));
  }
}

function tooManyAttempts(msBeforeNext: number, refusal: string): TransportError {
  const seconds = Math.max(1, Math.ceil(msBeforeNext / 1000));
  return new TransportError(
    429,
    'too_many_requests',
    `${refusal}: try again in ${seconds} seconds`,
    'TooManyRequestsError',
    { 'retry-after': String(seconds) },
  );
}
