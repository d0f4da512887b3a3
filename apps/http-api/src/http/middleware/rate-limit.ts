import { errors } from '@chatroom/domain';
import type { Middleware } from 'koa';
import type { UseCases } from '../../ports/use-cases.js';
import type { RouterContext } from '@koa/router';
import { budgetFor } from '../../rate-limit/easemob-rate-classes.js';
import type { RateBudgets } from '../../rate-limit/rate-budgets.js';
import type { RequestState } from '../state.js';

/**
 * Draws one request from a budget (runs right after resolveApp, before the route's own
 * middleware). A request carrying a valid token of `ctx.state.app` draws from the app's budget;
 * one without (no token, a wrong or expired one, and /token itself) draws from a budget of the
 * same size kept per source address, so that nobody without the app's credentials can spend
 * the tenant's budget, and a flood of bad tokens is still bounded per address. The token is
 * checked here once (a signature check, no store round trip) and `authenticate` reuses the
 * verdict. Answers carry the IETF draft's `RateLimit-Policy` and `RateLimit` headers
 * (draft-ietf-httpapi-ratelimit-headers-09: `"name";q=limit;w=window` and
 * `"name";r=remaining;t=seconds-to-reset`); over budget → 429 with `Retry-After`.
 */
export function rateLimit(
  budgets: RateBudgets,
  authenticateApp: UseCases['authenticateApp'],
): Middleware<RequestState> {
  return async (ctx, next) => {
    const route = (ctx as unknown as RouterContext)._matchedRoute;
    const budget = budgetFor(
      ctx.state.app.settings.rateLimit,
      ctx.method,
      typeof route === 'string' ? route : ctx.path,
    );
    if (!budget) return next();
    ctx.state.authenticated = await authenticateApp.execute(ctx.state.app, ctx.get('authorization') || undefined).then(
      () => true,
      () => false,
    );
    const owner = ctx.state.authenticated ? '' : `:from:${ctx.ip}`;
    const check = await budgets.consume(`${ctx.state.app.id}:${budget.name}${owner}`, budget.perSecond);
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
