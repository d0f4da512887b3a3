import { openApiDocument } from '../http/openapi/document.js';
import { PATH_PARAM_EXAMPLES } from '../http/openapi/operation.js';
import { OPERATIONS } from '../http/openapi/operations.js';
import { routeLabel, servedRoutes } from '../http/openapi/route-table.js';
import { everyRoute } from './service-router.js';

/** One route of the service, for tests that sweep them all. */
export interface EndpointCase {
  readonly label: string;
  readonly method: string;
  /** Path under `/{org}/{app}`, its parameters replaced by the document's examples. */
  readonly path: string;
  /** The document's request example, for endpoints that take a body. */
  readonly body?: unknown;
}

const APP_PREFIX = '/{org}/{app}';

/**
 * Every token-protected route, derived from the router itself (not kept by hand): each served
 * route, with the example path and body of its OpenAPI operation. A served route without an
 * operation fails the drift test (http/openapi/drift.test.ts).
 */
function protectedEndpoints(): EndpointCase[] {
  openApiDocument(); // the same operations the served document describes
  return servedRoutes(everyRoute()).flatMap((route) => {
    const op = OPERATIONS.find((o) => o.method.toUpperCase() === route.method && o.path === route.path);
    if (!op || op.public || !route.path.startsWith(APP_PREFIX)) return [];
    const path = route.path
      .slice(APP_PREFIX.length)
      .replace(/\{(\w+)\}/g, (_, name: string) => PATH_PARAM_EXAMPLES[name] ?? name);
    return [{ label: routeLabel(route), method: route.method, path, ...(op.body && { body: op.body.example }) }];
  });
}

export const PROTECTED_ENDPOINTS: readonly EndpointCase[] = protectedEndpoints();

/**
 * Every operator route behind a sign-in (`/admin/v1/…`), derived from the router as above, its
 * path parameters replaced by the document's examples; `change` for the ones that write.
 */
function operatorEndpoints(): (EndpointCase & { readonly change: boolean })[] {
  openApiDocument();
  return servedRoutes(everyRoute()).flatMap((route) => {
    const op = OPERATIONS.find((o) => o.method.toUpperCase() === route.method && o.path === route.path);
    if (!op?.operator) return [];
    const path = route.path.replace(/\{(\w+)\}/g, (_, name: string) => PATH_PARAM_EXAMPLES[name] ?? name);
    return [
      {
        label: routeLabel(route),
        method: route.method,
        path,
        change: route.method !== 'GET',
        ...(op.body && { body: op.body.example }),
      },
    ];
  });
}

export const OPERATOR_ENDPOINTS = operatorEndpoints();
