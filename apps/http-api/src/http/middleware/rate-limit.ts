import { errors } from '@chatroom/domain';
import type { Middleware } from 'koa';
import type { RouterContext } from '@koa/router';
import { budgetFor } from '../../rate-limit/easemob-rate-classes.js';
import type { RateBudgets } from '../../rate-limit/rate-budgets.js';
import type { RequestState } from '../state.js';

/**
 * Draws one request from the budget of `ctx.state.app` (runs right after resolveApp, before
 * authentication: every request naming the app counts, so a flood of bad tokens is bounded
 * too). Answers carry the IETF draft's `RateLimit-Policy` and `RateLimit` headers
 * (draft-ietf-httpapi-ratelimit-headers-09: `"name";q=limit;w=window` and
 * `"name";r=remaining;t=seconds-to-reset`); over budget → 429 with `Retry-After`.
 */
export function rateLimit(budgets: RateBudgets): Middleware<RequestState> {
  return async (ctx, next) => {
    const route = (ctx as unknown as RouterContext)._matchedRoute;
    const budget = budgetFor(ctx.state.app.settings.rateLimit, ctx.method, typeof route === 'string' ? route : ctx.path);
    if (!budget) return next();
    const check = await budgets.consume(`${ctx.state.app.id}:${budget.name}`, budget.perSecond);
    const resetSeconds = Math.max(1, Math.ceil(check.resetMs / 1000));
    ctx.set('RateLimit-Policy', `"${budget.name}";q=${budget.perSecond};w=1`);
    ctx.set('RateLimit', `"${budget.name}";r=${check.remaining};t=${resetSeconds}`);
    if (!check.allowed) {
      ctx.set('Retry-After', String(resetSeconds));
      throw errors.rateLimited(budget.name, budget.perSecond, resetSeconds);
    }
    await next();
  };
}
