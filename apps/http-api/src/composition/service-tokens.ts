import type Koa from 'koa';
import { token } from '../ports/tokens.js';
import type { createDeliveryWorker } from '../events/create-delivery-worker.js';
import type { EventSignal } from '../events/event-signal.js';
import type { OperatorApi } from '../http/operator/operator-kit.js';
import type { ServiceMetrics } from '../metrics/prometheus-metrics.js';
import type { RateBudgets } from '../rate-limit/rate-budgets.js';

/** The service identifiers only the composition root, its service start and tests resolve. */
export const SERVICE_TOKENS = {
  /** the events outbox's background loop; null when the store has no outbox */
  DeliveryWorker: token<ReturnType<typeof createDeliveryWorker>>('DeliveryWorker'),
  /** wakes the delivery worker when this instance commits events */
  EventSignal: token<EventSignal>('EventSignal'),
  /** the Prometheus registry and the service's metrics */
  Metrics: token<ServiceMetrics>('Metrics'),
  /** where the per-app request budgets are counted */
  RateBudgets: token<RateBudgets>('RateBudgets'),
  /** what the operator API and the console run on */
  OperatorApi: token<OperatorApi>('OperatorApi'),
  HttpApp: token<Koa>('HttpApp'),
} as const;
