import type { App } from '@chatroom/domain';
import type { Middleware } from 'koa';
import type { RouterContext } from '@koa/router';
import type { UseCases } from '../../ports/use-cases.js';
import type { RequestState } from '../state.js';

/**
 * Sets `ctx.state.app` from the `:org/:app` of the path (404 when no such app).
 *
 * Found apps are cached in memory for `cacheTtlMs` (positive hits only, so an app created
 * by another instance is seen at once). A change made elsewhere (settings, a rotated secret,
 * revoked tokens: a new token key and key generation, a deleted app) is seen here after at most
 * `cacheTtlMs`, which is therefore the longest a revoked token can still be accepted.
 * 0 disables the cache.
 */
export function resolveApp(findApp: UseCases['findApp'], cacheTtlMs: number): Middleware<RequestState> {
  const cache = new Map<string, { app: App; until: number }>();
  return async (ctx, next) => {
    const { org, app: name } = (ctx as unknown as RouterContext).params as { org: string; app: string };
    const key = `${org}#${name}`;
    const now = Date.now();
    const hit = cache.get(key);
    if (hit && hit.until > now) {
      ctx.state.app = hit.app;
    } else {
      ctx.state.app = await findApp.execute(org, name, ctx.path.slice(1));
      if (cacheTtlMs > 0) cache.set(key, { app: ctx.state.app, until: now + cacheTtlMs });
    }
    await next();
  };
}
