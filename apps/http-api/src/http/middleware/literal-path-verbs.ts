import type { Middleware } from 'koa';
import { transportErrors } from '../transport-errors.js';
import type { AppRouter } from '../route-kit/route-kit.js';
import type { RequestState } from '../state.js';

/**
 * A literal path asked with a verb it does not serve is a 405, never a parameter route's answer:
 * `PUT /chatrooms/super_admin` must not be read as "modify the room `super_admin`" (404). Of the
 * routes matching the path, those with the fewest parameters own it (the router's own rule, see
 * app.ts); when none of them serves the verb but a less specific one would, answer 405 with the
 * owners' verbs.
 */
export function literalPathVerbs(router: AppRouter): Middleware<RequestState> {
  return async (ctx, next) => {
    const { path: layers, pathAndMethod } = router.match(ctx.path, ctx.method);
    const routes = layers.filter((layer) => layer.methods.length > 0);
    if (pathAndMethod.length > 0 && routes.length > 1) {
      const fewest = Math.min(...routes.map((layer) => layer.paramNames.length));
      const owners = routes.filter((layer) => layer.paramNames.length === fewest);
      if (!owners.some((layer) => layer.methods.includes(ctx.method))) {
        throw transportErrors.methodNotAllowed(ctx.method, [...new Set(owners.flatMap((layer) => layer.methods))]);
      }
    }
    await next();
  };
}
