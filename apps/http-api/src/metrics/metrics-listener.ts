import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Router from '@koa/router';
import Koa from 'koa';
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import type { Config } from '../config.js';
import { gracefulCloser } from '../http/graceful-close.js';
import { createLimitedServer } from '../http/limited-server.js';
import { errorEnvelope } from '../http/middleware/error-envelope.js';
import { requestId } from '../http/middleware/request-id.js';
import { requestLog } from '../http/middleware/request-log.js';
import { unmatchedRoute } from '../http/middleware/unmatched-route.js';
import { metricsRoutes } from '../http/service/metrics.js';
import type { RequestState } from '../http/state.js';

export interface MetricsListener {
  readonly url: string;
  readonly server: Server;
  close(): Promise<void>;
}

/**
 * `GET /metrics` alone, on METRICS_PORT (same HOST, same server limits): a port that a firewall
 * or a Kubernetes NetworkPolicy can keep to the scraper, while the API port stays public. With
 * METRICS_TOKEN set as well, the token is required here too.
 */
export async function startMetricsListener(
  registry: Registry,
  config: Config,
  logger: Logger,
): Promise<MetricsListener> {
  const app = new Koa<RequestState>();
  app.silent = true;
  const router = new Router<RequestState>();
  metricsRoutes(router, registry, config.metricsToken);
  app.use(requestId()).use(requestLog(logger)).use(errorEnvelope()).use(router.routes()).use(unmatchedRoute());
  const server = createLimitedServer(app.callback(), config.server);
  const close = gracefulCloser(server);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.metricsPort, config.host, () => resolve());
  });
  const { address, port } = server.address() as AddressInfo;
  const host = address.includes(':') ? `[${address}]` : address;
  return { url: `http://${host}:${port}`, server, close: () => close(1_000, 0) };
}
