import type { Middleware } from 'koa';
import type { Logger } from 'pino';
import { elapsedMs, type RequestState } from '../state.js';

/**
 * Binds a child logger to the request id, so every line a request logs carries it, and writes
 * one line per request once the response is decided.
 */
export function requestLog(logger: Logger): Middleware<RequestState> {
  return async (ctx, next) => {
    ctx.state.log = logger.child({ reqId: ctx.state.requestId });
    try {
      await next();
    } finally {
      ctx.state.log.info(
        { method: ctx.method, path: ctx.path, status: ctx.status, durationMs: elapsedMs(ctx.state), ip: ctx.ip },
        'request',
      );
    }
  };
}
