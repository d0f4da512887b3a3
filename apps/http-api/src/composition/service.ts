import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Container } from 'inversify';
import type Koa from 'koa';
import type { Logger } from 'pino';
import { bootstrapApp, developmentAppBanner } from '../bootstrap-app.js';
import { ConfigError, servingProblems, type Config } from '../config.js';
import type { Database } from '../ports/database.js';
import { TOKENS } from '../ports/tokens.js';
import { SERVICE_TOKENS } from './service-tokens.js';
import type { UseCases } from '../ports/use-cases.js';
import { gracefulCloser } from '../http/graceful-close.js';
import { createLimitedServer } from '../http/limited-server.js';
import type { createDeliveryWorker } from '../events/create-delivery-worker.js';
import type { RateBudgets } from '../rate-limit/rate-budgets.js';
import { startMetricsListener, type MetricsListener } from '../metrics/metrics-listener.js';
import type { ServiceMetrics } from '../metrics/prometheus-metrics.js';

export interface RunningService {
  /** `http://host:port`, with the port actually bound (PORT=0 picks a free one). */
  readonly url: string;
  readonly server: Server;
  /** `http://host:port` of the METRICS_PORT listener, when there is one. */
  readonly metricsUrl: string | undefined;
  /** Graceful stop: no new connections, requests in flight finish, then the store closes. */
  close(): Promise<void>;
}

const SHUTDOWN_GRACE_MS = 10_000;

/** Opens the store, makes sure an app exists, and listens; `out` receives the one-time dev-app note. */
export async function startService(
  container: Container,
  out: NodeJS.WritableStream = process.stderr,
): Promise<RunningService> {
  const config = container.get<Config>(TOKENS.Config);
  const problems = servingProblems(config);
  if (problems.length > 0) throw new ConfigError(problems);
  const logger = container.get<Logger>(TOKENS.Logger);
  const database = await container.getAsync<Database>(TOKENS.Database);
  let delivery: ReturnType<typeof createDeliveryWorker> = null;
  let metrics: MetricsListener | undefined;
  try {
    const useCases = await container.getAsync<UseCases>(TOKENS.UseCases);
    // Before anything is signed: seal clear keys of an older store, refuse a wrong master key.
    const sealing = await useCases.sealAppKeys.execute();
    if (sealing.sealed > 0) logger.info({ apps: sealing.sealed }, 'sealed token keys stored in clear');
    // Only now: the master key has just been checked against the token keys it sealed.
    const sealedSecrets = (await database.eventRules?.sealClearSecrets?.()) ?? 0;
    if (sealedSecrets > 0) logger.info({ rules: sealedSecrets }, 'sealed webhook secrets stored in clear');
    const developmentApp = await bootstrapApp(useCases, config, database, logger);
    const app = await container.getAsync<Koa>(SERVICE_TOKENS.HttpApp);
    const budgets = await container.getAsync<RateBudgets>(SERVICE_TOKENS.RateBudgets);

    const server = createLimitedServer(app.callback(), config.server);
    const closeServer = gracefulCloser(server);
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(config.port, config.host, () => resolve());
    });
    try {
      if (config.metricsPort !== undefined) {
        metrics = await startMetricsListener(
          container.get<ServiceMetrics>(SERVICE_TOKENS.Metrics).registry,
          config,
          logger,
        );
      }
    } catch (error) {
      await closeServer(0);
      throw error;
    }
    const { port } = server.address() as AddressInfo;
    const host = ['0.0.0.0', '::', ''].includes(config.host) ? 'localhost' : config.host;
    const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
    logger.info({ url, metricsUrl: metrics?.url, database: database.kind }, 'listening');
    if (developmentApp) out.write(developmentAppBanner(developmentApp, url));
    delivery = await container.getAsync<ReturnType<typeof createDeliveryWorker>>(SERVICE_TOKENS.DeliveryWorker);
    delivery?.worker.start();

    return {
      url,
      server,
      metricsUrl: metrics?.url,
      async close() {
        await closeServer(SHUTDOWN_GRACE_MS, config.shutdownDrainMs);
        await metrics?.close();
        await delivery?.close();
        await budgets.close?.();
        await database.close();
      },
    };
  } catch (error) {
    await delivery?.close();
    await database.close();
    throw error;
  }
}
