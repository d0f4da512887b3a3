import type { UseCases } from '../ports/use-cases.js';
import { createRouter } from '../http/app.js';
import type { AppRouter } from '../http/route-kit/route-kit.js';
import { createServiceMetrics } from '../metrics/prometheus-metrics.js';
import type { OperatorApi } from '../http/operator/operator-kit.js';

/**
 * The service's router with every optional route group on (metrics included), for tests that
 * list the routes. Registering routes calls no use case, so none is needed.
 */
export function everyRoute(): AppRouter {
  return createRouter({
    useCases: {} as UseCases,
    database: { isReady: async () => true },
    bodyLimitBytes: 1024,
    appCacheTtlMs: 0,
    metrics: createServiceMetrics(),
    operatorApi: {} as OperatorApi,
  });
}
