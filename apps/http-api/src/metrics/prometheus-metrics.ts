import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** Connections of a pool at one moment (the PostgreSQL adapter's `poolStats`). */
export interface PoolGauges {
  readonly total: number;
  readonly idle: number;
  readonly waiting: number;
}

/** The route label of requests no route matched: a fixed value, never the raw path. */
export const UNMATCHED_ROUTE = 'unmatched';

/**
 * The service's Prometheus metrics, in a registry of their own (one per container, so tests
 * that build several services never share counters). The default process metrics include
 * event-loop lag (`nodejs_eventloop_lag_seconds` and its percentiles).
 */
export function createServiceMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const labelNames = ['method', 'route', 'status_code'] as const;
  const poolGauge = (name: string, help: string, read: () => number) =>
    new Gauge({
      name,
      help,
      registers: [registry],
      collect() {
        this.set(read());
      },
    });

  return {
    registry,
    httpDuration: new Histogram({
      name: 'http_request_duration_seconds',
      help: 'Time from request to response, by method, route pattern and status code',
      labelNames,
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    inFlight: new Gauge({ name: 'http_requests_in_flight', help: 'Requests being answered', registers: [registry] }),
    unavailable: new Counter({
      name: 'http_unavailable_responses_total',
      help: '503 answers (the database unreachable, timed out or locked)',
      labelNames: ['route'] as const,
      registers: [registry],
    }),
    rateLimited: new Counter({
      name: 'http_rate_limited_responses_total',
      help: '429 answers (an app over its request budget)',
      labelNames: ['route'] as const,
      registers: [registry],
    }),
    /** Per app (org/name of a resolved app only, so an unknown path adds no series), by status. */
    appRequests: new Counter({
      name: 'http_app_requests_total',
      help: 'Answers to requests of a known app, by app (org/name) and status code',
      labelNames: ['app', 'status_code'] as const,
      registers: [registry],
    }),
    unitOfWorkRetries: new Counter({
      name: 'unit_of_work_retries_total',
      help: 'Units of work (or keyed requests, whole) run again after a deadlock, serialization failure or foreign-key race, by SQLSTATE',
      labelNames: ['sqlstate'] as const,
      registers: [registry],
    }),
    rateLimitStoreFailures: new Counter({
      name: 'rate_limit_store_failures_total',
      help: 'Rate-limit checks the shared store did not answer in time (decided by the in-process budget)',
      registers: [registry],
    }),
    /** Adds the pool gauges, read from `stats` at each scrape (PostgreSQL only: PGlite has no pool). */
    watchPool(stats: () => PoolGauges) {
      poolGauge('db_pool_connections', 'PostgreSQL pool: open connections, idle or in use', () => stats().total);
      poolGauge('db_pool_idle_connections', 'PostgreSQL pool: idle connections', () => stats().idle);
      poolGauge('db_pool_waiting_requests', 'PostgreSQL pool: queries waiting for a connection', () => stats().waiting);
    },
  };
}

export type ServiceMetrics = ReturnType<typeof createServiceMetrics>;
