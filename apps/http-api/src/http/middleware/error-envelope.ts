import type { Middleware } from 'koa';
import { toErrorResponse } from '../error-mapping.js';
import { elapsedMs, type RequestState } from '../state.js';

/**
 * Turns anything thrown below into the Easemob error body. Unexpected failures are logged
 * with their cause (the request id comes with the request's logger); the client only sees
 * the generic row.
 */
export function errorEnvelope(): Middleware<RequestState> {
  return async (ctx, next) => {
    try {
      await next();
    } catch (thrown) {
      const response = toErrorResponse(thrown);
      if (response.unexpected) ctx.state.log.error({ err: thrown }, 'request failed');
      ctx.status = response.status;
      ctx.set(response.headers);
      ctx.body = {
        error: response.error,
        error_description: response.description,
        exception: response.exception,
        timestamp: Date.now(),
        duration: elapsedMs(ctx.state),
      };
    }
  };
}
