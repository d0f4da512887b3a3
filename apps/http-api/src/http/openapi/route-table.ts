import type { AppRouter } from '../route-kit/route-kit.js';
import type { OpenApiDocument } from './document.js';

/** One (method, path) pair, the path in OpenAPI form (`/{org}/{app}/chatrooms/{id}`). */
export interface RouteKey {
  readonly method: string;
  readonly path: string;
}

/**
 * Routes served on purpose without a description in the document, each with the reason.
 * Anything else the router serves must be described (openapi/drift.test.ts).
 */
export const UNDESCRIBED_ROUTES: readonly RouteKey[] = [
  // The docs page's own static files (Swagger UI's script, style and icon), not an API.
  { method: 'GET', path: '/docs/{file}' },
  // The console's own script and style (/console is described), not an API.
  { method: 'GET', path: '/console/{file}' },
];

export const routeLabel = (route: RouteKey) => `${route.method} ${route.path}`;

/** Every (method, path) the router serves (HEAD, which Koa adds to each GET, left out). */
export function servedRoutes(router: AppRouter): RouteKey[] {
  return router.stack.flatMap((layer) =>
    layer.methods
      .filter((method) => method !== 'HEAD')
      .map((method) => ({ method, path: String(layer.path).replace(/:(\w+)/g, '{$1}') })),
  );
}

/** Every (method, path) the document describes. */
export function describedRoutes(document: OpenApiDocument): RouteKey[] {
  return Object.entries(document.paths ?? {}).flatMap(([path, item]) =>
    Object.keys(item as object)
      .filter((key) => ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'].includes(key))
      .map((method) => ({ method: method.toUpperCase(), path })),
  );
}
