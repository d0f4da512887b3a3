import type { Middleware } from 'koa';
import type { RouterContext } from '@koa/router';
import { transportErrors } from '../transport-errors.js';
import type { RequestState } from '../state.js';

/**
 * Runs only when no route handled the request: 405 when the path exists under another
 * verb (its layers are in `ctx.matched`), otherwise 404. Both become JSON envelopes.
 */
export function unmatchedRoute(): Middleware<RequestState> {
  return async (ctx) => {
    const matched = (ctx as unknown as RouterContext).matched ?? [];
    const allowed = [...new Set(matched.flatMap((layer) => layer.methods))];
    if (allowed.length > 0) throw transportErrors.methodNotAllowed(ctx.method, allowed);
    throw transportErrors.notFound();
  };
}
