import type { IdempotencyRunner } from '@chatroom/domain';
import compose from 'koa-compose';
import type { Middleware } from 'koa';
import type { RequestState } from '../state.js';
import type { UseCases } from '../../ports/use-cases.js';
import type { ServiceMetrics } from '../../metrics/prometheus-metrics.js';
import { jsonBody } from '../middleware/json-body.js';
import { resolveApp } from '../middleware/resolve-app.js';
import {
  attemptThrottle,
  DEFAULT_TOKEN_THROTTLE,
  type TokenThrottleLimits,
} from '../middleware/token-attempt-throttle.js';
import type { Operation } from '../openapi/operation.js';
import type { AppRouter } from '../route-kit/route-kit.js';
import { appOperations, appRoutes } from './app-routes.js';
import { consoleOperations, consoleRoutes } from './console-routes.js';
import { eventOperatorOperations, eventOperatorRoutes } from './event-routes.js';
import { instanceOperations, instanceRoutes } from './instance-routes.js';
import { operatorAuth, requireAdmin } from './operator-auth.js';
import { operatorKeyedRoutes } from './operator-keys.js';
import { BadCredentialsError } from './operator-errors.js';
import type { OperatorApi, OperatorKit, OperatorRouteModule } from './operator-kit.js';
import { roomOperations, roomRoutes } from './room-routes.js';
import { sessionOperations, sessionRoutes } from './session-routes.js';

/** The operator API's modules and their operations: one list, registered and described together. */
const MODULES: readonly (readonly [OperatorRouteModule, readonly Operation[]])[] = [
  [sessionRoutes, sessionOperations],
  [appRoutes, appOperations],
  [roomRoutes, roomOperations],
  [eventOperatorRoutes, eventOperatorOperations],
  [instanceRoutes, instanceOperations],
  [consoleRoutes, consoleOperations],
];

export const OPERATOR_OPERATIONS: readonly Operation[] = MODULES.flatMap(([, operations]) => operations);

export interface OperatorRouteOptions {
  readonly api: OperatorApi;
  readonly useCases: UseCases;
  readonly metrics?: ServiceMetrics;
  readonly bodyLimitBytes: number;
  /** Failed sign-ins allowed, as for `/token` (its own counters). */
  readonly throttle?: TokenThrottleLimits;
  /** The store's runner of keyed requests (none on the in-memory store: keys are then ignored). */
  readonly idempotency?: IdempotencyRunner;
}

/** Failed operator sign-ins, counted as failed `/token` requests are (by address, and by name from one address). */
function signInThrottle(limits: TokenThrottleLimits): Middleware<RequestState> {
  const throttle = attemptThrottle(limits, {
    subject(ctx) {
      const body = ctx.request.body as { username?: unknown } | undefined;
      return typeof body?.username === 'string' ? body.username.slice(0, 64) : '';
    },
    failed: (error) => error instanceof BadCredentialsError,
    refusal: 'too many failed sign-in attempts',
  });
  return compose([throttle.byAddress, throttle.byClient]);
}

/**
 * `/admin/v1/…` and `/console`. No app token opens any of it (operatorAuth verifies only with
 * the operator key), and an operator token opens no app route (those verify with the app's key).
 */
export function operatorRoutes(router: AppRouter, options: OperatorRouteOptions): void {
  const kit: OperatorKit = {
    api: options.api,
    useCases: options.useCases,
    ...(options.metrics && { metrics: options.metrics }),
    signedIn: operatorAuth(options.api.authenticate),
    adminOnly: requireAdmin,
    // No cache: an operator's view of an app is never older than the store's.
    tenant: compose([resolveApp(options.useCases.findApp, 0)]),
    json: jsonBody(options.bodyLimitBytes),
    signInThrottle: signInThrottle(options.throttle ?? DEFAULT_TOKEN_THROTTLE),
  };
  for (const [register] of MODULES) register(router, kit);
  operatorKeyedRoutes(router, kit.signedIn, kit.tenant, options.idempotency, options.bodyLimitBytes);
}
