import type { Middleware } from 'koa';
import { transportErrors } from '../transport-errors.js';
import type { RequestState } from '../state.js';

/**
 * At most `max` requests run what follows at once in this process; one more is answered 503
 * with `Retry-After` at once instead of queueing. Guards work whose cost is memory and a
 * thread-pool slot per request (scrypt on /token: 32 MiB each), so that a flood costs the
 * flooder refusals and the process a bounded amount of both.
 */
export function inFlightCap(max: number, what: string): Middleware<RequestState> {
  let running = 0;
  return async (_ctx, next) => {
    if (running >= max) throw transportErrors.busy(what);
    running++;
    try {
      await next();
    } finally {
      running--;
    }
  };
}
