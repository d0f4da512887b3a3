import { Agent, RetryAgent, type Dispatcher } from 'undici';
import { setTimeout as sleep } from 'node:timers/promises';

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
 * exponential backoff), with every attempt counted and, unless `rate` is off, paced one
 * request every 1/rate s (retries and the token included: they go through the same dispatch).
 */
export function politeDispatcher(politeness: Politeness, counter: WireCounter): Dispatcher {
  const pace = politeness.rate === 'off' ? undefined : pacer(politeness.rate);
  const paced = new Agent({ connections: 16, keepAliveTimeout: 10_000 }).compose((dispatch) => (options, handler) => {
    counter.requests++;
    if (!pace) return dispatch(options, handler);
    // The dispatch must return synchronously; the request goes out once its token is granted.
    void pace()
      .catch(() => undefined)
      .then(() => dispatch(options, handler));
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
    errorCodes: [
      'ECONNRESET',
      'ECONNREFUSED',
      'EPIPE',
      'ETIMEDOUT',
      'UND_ERR_SOCKET',
      'UND_ERR_CONNECT_TIMEOUT',
      'UND_ERR_HEADERS_TIMEOUT',
      'UND_ERR_BODY_TIMEOUT',
    ],
  });
}

/**
 * Resolves when the next request may go: one every 1/rate s, on a schedule of their own. Each
 * request is given the later of now and its predecessor's time plus 1/rate; a timer that fires
 * late delays only its own request, not the schedule, so a busy machine's late timers do not
 * add up. A pause (the importer writing) is not made up for afterwards: no burst follows it.
 */
export function pacer(rate: number, now: () => number = () => performance.now()): () => Promise<unknown> {
  const interval = 1000 / rate;
  let next = -Infinity;
  return () => {
    const at = Math.max(now(), next);
    next = at + interval;
    const wait = at - now();
    return wait > 0 ? sleep(wait) : Promise.resolve();
  };
}
