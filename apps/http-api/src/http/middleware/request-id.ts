import { randomUUID } from 'node:crypto';
import type { Middleware } from 'koa';
import type { RequestState } from '../state.js';

/** Ids a client or proxy may hand us: short, printable, and safe to echo in a header and a log. */
const WELL_FORMED = /^[A-Za-z0-9._:@/+=-]{1,128}$/;

/**
 * Gives every request an id (the caller's, when well-formed) and its start time, and puts the
 * id on the response before anything else can fail.
 */
export function requestId(): Middleware<RequestState> {
  return async (ctx, next) => {
    ctx.state.startedAt = performance.now();
    const incoming = ctx.get('x-request-id');
    ctx.state.requestId = WELL_FORMED.test(incoming) ? incoming : randomUUID();
    ctx.set('x-request-id', ctx.state.requestId);
    await next();
  };
}
