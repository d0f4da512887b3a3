import type { RouterContext } from '@koa/router';
import type { Middleware } from 'koa';
import { UNMATCHED_ROUTE, type ServiceMetrics } from '../../metrics/prometheus-metrics.js';
import type { RequestState } from '../state.js';

/**
 * Times every request and counts the ones in flight, 503s and 429s. Runs outside errorEnvelope,
 * so it sees the status actually sent. The route label is the pattern the router matched
 * (`/:org/:app/chatrooms/:ids`), a bounded set; unmatched paths share one label.
 */
export function httpMetrics(metrics: ServiceMetrics): Middleware<RequestState> {
  return async (ctx, next) => {
    metrics.inFlight.inc();
    const end = metrics.httpDuration.startTimer();
    try {
      await next();
    } finally {
      metrics.inFlight.dec();
      const matched = (ctx as unknown as RouterContext)._matchedRoute;
      const route = typeof matched === 'string' ? matched : UNMATCHED_ROUTE;
      end({ method: ctx.method, route, status_code: ctx.status });
      if (ctx.status === 503) metrics.unavailable.inc({ route });
      if (ctx.status === 429) metrics.rateLimited.inc({ route });
      const app = ctx.state.app;
      if (app) metrics.appRequests.inc({ app: `${app.org}/${app.name}`, status_code: ctx.status });
    }
  };
}
