import Router from '@koa/router';
import Koa, { type Middleware } from 'koa';
import compose from 'koa-compose';
import type { Logger } from 'pino';
import type { Database } from '../ports/database.js';
import type { UseCases } from '../ports/use-cases.js';
import { authenticate } from './middleware/authenticate.js';
import { keyedRoutes } from './middleware/idempotency-key.js';
import type { ServiceMetrics } from '../metrics/prometheus-metrics.js';
import { errorEnvelope } from './middleware/error-envelope.js';
import { httpMetrics } from './middleware/http-metrics.js';
import { jsonBody } from './middleware/json-body.js';
import { literalPathVerbs } from './middleware/literal-path-verbs.js';
import { requestId } from './middleware/request-id.js';
import { requestLog } from './middleware/request-log.js';
import { resolveApp } from './middleware/resolve-app.js';
import { boundedJsonBody } from './middleware/bounded-json-body.js';
import { inFlightCap } from './middleware/in-flight-cap.js';
import { tokenAttemptThrottle, type TokenThrottleLimits } from './middleware/token-attempt-throttle.js';
import { unmatchedRoute } from './middleware/unmatched-route.js';
import { wellFormedPath } from './middleware/well-formed-text.js';
import { adminRoutes } from './admins/routes.js';
import { announcementRoutes } from './announcement/routes.js';
import { chatroomRoutes } from './rooms/routes.js';
import { docsRoutes } from './service/docs.js';
import { healthRoutes } from './service/health.js';
import { metricsRoutes } from './service/metrics.js';
import { memberRoutes } from './members/routes.js';
import { muteRoutes } from './mutes/routes.js';
import { roomAttributeRoutes } from './room-attributes/routes.js';
import { roomEventRoutes } from './room-events/routes.js';
import { roomUserListRoutes } from './room-user-lists/routes.js';
import type { AppRouter, RouteKit, RouteModule } from './route-kit/route-kit.js';
import { superAdminRoutes } from './super-admins/routes.js';
import { tokenRoutes } from './token/routes.js';
import { userRoutes } from './users/routes.js';
import type { RequestState } from './state.js';
import type { OperatorApi } from './operator/operator-kit.js';
import { operatorRoutes } from './operator/operator-routes.js';

export interface HttpAppOptions {
  readonly useCases: UseCases;
  readonly database: Pick<Database, 'isReady' | 'idempotency'>;
  readonly logger: Logger;
  readonly bodyLimitBytes: number;
  /**
   * Proxies in front (TRUSTED_PROXIES): with N > 0 the client address is the N-th entry from the
   * right of X-Forwarded-For and X-Forwarded-Proto/Host build the `uri` of envelopes; 0 → neither.
   */
  readonly trustedProxies: number;
  /** How long a found app is reused without asking the store again; 0 disables. */
  readonly appCacheTtlMs: number;
  /** Failed /token attempts allowed before 429 (default: DEFAULT_TOKEN_THROTTLE). */
  readonly tokenThrottle?: TokenThrottleLimits;
  /** Token requests checking a secret at once; past it, 503 (default: DEFAULT_TOKEN_HASHES_IN_FLIGHT). */
  readonly tokenHashesInFlight?: number;
  /** Route modules registered after the built-in ones. */
  readonly extraRoutes?: readonly RouteModule[];
  /** Set → every request is measured and `GET /metrics` serves the registry. */
  readonly metrics?: ServiceMetrics;
  /** Required as `Bearer` by `GET /metrics` when set. */
  readonly metricsToken?: string;
  /** `/metrics` is served on a port of its own (METRICS_PORT): requests are measured, the route is not here. */
  readonly metricsElsewhere?: boolean;
  /** Run right after the tenant is resolved, before authentication (the rate limit). */
  readonly tenantGuards?: readonly Middleware<RequestState>[];
  /** Set → the operator API under /admin/v1 and the console at /console. */
  readonly operatorApi?: OperatorApi;
}

/**
 * The order matters once: of two matching routes with as many parameters, the one registered
 * first runs, so super admins come before the room routes (mutes among them) and
 * `DELETE chatrooms/super_admin/{u}` is never read as `DELETE chatrooms/{id}/ban` with the room
 * `super_admin`. super-admins.test.ts ("wins over DELETE /chatrooms/{id}/ban") fails when it is
 * wrong. Elsewhere the router's `specificity` decides (a literal segment wins), whatever the order.
 */
const ROUTES: readonly RouteModule[] = [
  tokenRoutes,
  userRoutes,
  superAdminRoutes,
  chatroomRoutes,
  memberRoutes,
  adminRoutes,
  muteRoutes,
  roomUserListRoutes,
  announcementRoutes,
  roomAttributeRoutes,
  roomEventRoutes,
];

/**
 * Every route of the service. The OpenAPI drift test and the authentication sweep list the
 * routes from this router, so a route registered here is described, or a test says which is not.
 */
export function createRouter(
  options: Pick<
    HttpAppOptions,
    | 'useCases'
    | 'database'
    | 'bodyLimitBytes'
    | 'appCacheTtlMs'
    | 'extraRoutes'
    | 'metrics'
    | 'metricsToken'
    | 'metricsElsewhere'
    | 'tenantGuards'
    | 'tokenThrottle'
    | 'tokenHashesInFlight'
    | 'operatorApi'
  >,
): AppRouter {
  // `specificity`: of the routes matching a path, only the one with the fewest parameters
  // runs, so a literal segment (`chatrooms/super_admin`) wins over a parameter (`chatrooms/:id`).
  const router = new Router<RequestState>({ exclusive: 'specificity' });
  const auth = authenticate(options.useCases.authenticateApp);
  const kit: RouteKit = {
    useCases: options.useCases,
    tenant: compose([resolveApp(options.useCases.findApp, options.appCacheTtlMs), ...(options.tenantGuards ?? [])]),
    auth,
    json: jsonBody(options.bodyLimitBytes),
    tokenGuards: tokenGuards(options),
  };
  healthRoutes(router, options.database);
  docsRoutes(router);
  if (options.metrics && !options.metricsElsewhere)
    metricsRoutes(router, options.metrics.registry, options.metricsToken);
  if (options.operatorApi) {
    operatorRoutes(router, {
      api: options.operatorApi,
      useCases: options.useCases,
      bodyLimitBytes: options.bodyLimitBytes,
      ...(options.database.idempotency && { idempotency: options.database.idempotency }),
      ...(options.metrics && { metrics: options.metrics }),
      ...(options.tokenThrottle && { throttle: options.tokenThrottle }),
    });
  }
  for (const register of [...ROUTES, ...(options.extraRoutes ?? [])]) register(router, kit);
  // After `auth`, every route takes an Idempotency-Key; put in once all routes are registered,
  // because that middleware must hold the rest of each route's stack (idempotency-key.ts).
  keyedRoutes(router, auth, options.database.idempotency, options.bodyLimitBytes);
  return router;
}

/** A token request's body: four short strings and a number, never nested. */
const TOKEN_BODY_LIMIT_BYTES = 4 * 1024;
const TOKEN_BODY_MAX_DEPTH = 4;
export const DEFAULT_TOKEN_HASHES_IN_FLIGHT = 8;

/**
 * Cheapest refusal first: a spent address is refused before its body is read, the body is
 * bounded before it is parsed, and only a request that passed both throttles takes one of the
 * slots in which a secret is hashed.
 */
function tokenGuards(
  options: Pick<HttpAppOptions, 'tokenThrottle' | 'tokenHashesInFlight'>,
): Middleware<RequestState>[] {
  const throttle = tokenAttemptThrottle(options.tokenThrottle);
  return [
    throttle.byAddress,
    boundedJsonBody(TOKEN_BODY_LIMIT_BYTES, TOKEN_BODY_MAX_DEPTH),
    throttle.byClient,
    inFlightCap(options.tokenHashesInFlight ?? DEFAULT_TOKEN_HASHES_IN_FLIGHT, 'token requests'),
  ];
}

export function createHttpApp(options: HttpAppOptions): Koa<RequestState> {
  // Behind a proxy that ends TLS, `uri` in envelopes follows its X-Forwarded-Proto/Host; without
  // one, anybody could send those headers, so they are ignored unless TRUSTED_PROXIES says so.
  // Each proxy appends the address it received from to X-Forwarded-For, so with N proxies the
  // N-th entry from the right is the client as the outermost proxy saw it; whatever stands left
  // of it was written by the client and is never read (Koa keeps the last `maxIpsCount` entries).
  const app = new Koa<RequestState>({ proxy: options.trustedProxies > 0, maxIpsCount: options.trustedProxies });
  // Every error is answered and logged by errorEnvelope; Koa's own stderr print would duplicate it.
  app.silent = true;
  const router = createRouter(options);

  app.use(requestId()).use(requestLog(options.logger));
  if (options.metrics) app.use(httpMetrics(options.metrics));
  app
    .use(errorEnvelope())
    .use(wellFormedPath())
    .use(literalPathVerbs(router))
    .use(router.routes())
    .use(unmatchedRoute());
  return app;
}
