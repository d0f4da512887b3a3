import { Agent, RetryAgent, type Dispatcher } from 'undici';
import { RateLimiterMemory, RateLimiterQueue } from 'rate-limiter-flexible';

/** How hard the importer may press on the source. */
export interface Politeness {
  /** Requests per second at most, or `off` for no pacing (a local source). */
  readonly rate: number | 'off';
  /** Retries of one request (429, 5xx, a dropped connection) before the room is given up. */
  readonly maxRetries?: number;
  /** The first retry's wait in ms; each further one doubles it, up to 30 s. */
  readonly minBackoffMs?: number;
}

/** Every request that reached the wire, retries included. */
export interface WireCounter {
  requests: number;
}

/**
 * The HTTP client of the importer: undici's connection pool, wrapped in undici's own
 * RetryAgent (429 with `Retry-After` honoured, 5xx and network errors retried with
 * exponential backoff), with every attempt counted and, unless `rate` is off, paced by a
 * queue of rate-limiter-flexible tokens (so that retries are paced too).
 */
export function politeDispatcher(politeness: Politeness, counter: WireCounter): Dispatcher {
  const pace = politeness.rate === 'off' ? undefined : pacer(politeness.rate);
  const paced = new Agent({ connections: 16, keepAliveTimeout: 10_000 }).compose((dispatch) => (options, handler) => {
    counter.requests++;
    if (!pace) return dispatch(options, handler);
    // The dispatch must return synchronously; the request goes out once its token is granted.
    void pace().catch(() => undefined).then(() => dispatch(options, handler));
    return true;
  });
  return new RetryAgent(paced, {
    maxRetries: politeness.maxRetries ?? 8,
    minTimeout: politeness.minBackoffMs ?? 500,
    maxTimeout: 30_000,
    timeoutFactor: 2,
    retryAfter: true,
    methods: ['GET', 'POST'],
    statusCodes: [429, 500, 502, 503, 504],
    errorCodes: ['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'UND_ERR_SOCKET', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT'],
  });
}

/**
 * Resolves when the next request may go: at most `rate` in any one-second window, queued in
 * order. Whole-second windows rather than smaller ones: a timer that fires late (a busy
 * machine) then costs its lateness once a second, not once per tenth.
 */
function pacer(rate: number): () => Promise<unknown> {
  const limiter = new RateLimiterMemory({ points: rate, duration: 1 });
  const queue = new RateLimiterQueue(limiter, { maxQueueSize: 100_000 });
  return () => queue.removeTokens(1);
}
