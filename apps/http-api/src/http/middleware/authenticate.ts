import type { Middleware } from 'koa';
import type { UseCases } from '../../ports/use-cases.js';
import type { RequestState } from '../state.js';

/** Requires an app token of `ctx.state.app` in `Authorization: Bearer …` (unless the rate limit already found one). */
export function authenticate(authenticateApp: UseCases['authenticateApp']): Middleware<RequestState> {
  return async (ctx, next) => {
    if (ctx.state.authenticated === true) return next();
    await authenticateApp.execute(ctx.state.app, ctx.get('authorization') || undefined);
    await next();
  };
}
