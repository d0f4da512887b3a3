import {
  AddMembers,
  CoalescingAddMembers,
  type Clock,
  type CredentialHasher,
  type Dependencies,
  type KeySealer,
  type Random,
  type TokenSigner,
  type UnitOfWork,
} from '@chatroom/domain';
import {
  AesGcmKeySealer,
  APP_SECRET_SCRYPT_PARAMETERS,
  JoseTokenSigner,
  NodeRandom,
  ScryptCredentialHasher,
  SystemClock,
} from '@chatroom/crypto-adapter';
import { Container } from 'inversify';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import { createHttpApp } from '../http/app.js';
import { rateLimit } from '../http/middleware/rate-limit.js';
import type { OperatorApi } from '../http/operator/operator-kit.js';
import { createLogger } from '../logger.js';
import { createDeliveryWorker } from '../events/create-delivery-worker.js';
import { EventSignal } from '../events/event-signal.js';
import { createServiceMetrics, type ServiceMetrics } from '../metrics/prometheus-metrics.js';
import type { Database } from '../ports/database.js';
import { asSecretHasher, TOKENS, type SecretHasher } from '../ports/tokens.js';
import { createUseCases, type UseCases } from '../ports/use-cases.js';
import { memoryBudgets } from '../rate-limit/limiter-check.js';
import type { RateBudgets } from '../rate-limit/rate-budgets.js';
import { storeFor } from '../stores/stores.js';
import { SERVICE_VERSION } from '../version.js';
import { bindFactory, bindValue } from './bind.js';
import { resolveMasterKey } from './master-key-file.js';
import { createOperatorApi } from './operator-api.js';
import { withSealedWebhookSecrets } from './sealed-webhook-secrets.js';
import { SERVICE_TOKENS } from './service-tokens.js';

/** Found apps are reused this long without a store round trip (see resolve-app.ts). */
const APP_CACHE_TTL_MS = 5_000;

/**
 * The composition root: the only place that binds adapters to the domain's ports. Every
 * binding is a singleton built on first use, so a caller may `rebind` any port (before the
 * first `getAsync`) and nothing of the replaced adapter is ever created — tests bind the
 * in-memory adapters this way (see in-memory-adapters.ts), and so can anyone plugging in
 * their own. No decorators: values are built by the factories below, each bound with
 * `bindFactory`, which checks every dependency's token against the factory's parameter.
 */
export function createContainer(config: Config, logger: Logger = createLogger(config.logLevel)): Container {
  const container = new Container({ defaultScope: 'Singleton' });
  bindValue(container, TOKENS.Config, config);
  bindValue(container, TOKENS.Logger, logger);
  bindFactory(container, SERVICE_TOKENS.Metrics, () => createServiceMetrics(), []);
  bindValue(container, SERVICE_TOKENS.EventSignal, new EventSignal());

  // The store DATABASE_URL's scheme names (stores/stores.ts); unset → the embedded one in DATA_DIR.
  // Migrations run on open, so an unreachable server fails start-up; later outages surface
  // per request as UnavailableError (503) and heal when the server returns.
  const store = storeFor(config.databaseUrl);
  bindFactory(
    container,
    TOKENS.Store,
    (metrics: ServiceMetrics, signal: EventSignal) =>
      store.open(config, {
        onRetry: (code) => metrics.unitOfWorkRetries.inc({ sqlstate: code }),
        onEventsCommitted: () => signal.notify(),
      }),
    [SERVICE_TOKENS.Metrics, SERVICE_TOKENS.EventSignal],
  );

  // Budgets shared through the database server when there is one; in this process when embedded.
  bindFactory(
    container,
    SERVICE_TOKENS.RateBudgets,
    (metrics: ServiceMetrics, log: Logger): RateBudgets => {
      if (config.databaseUrl === undefined) return memoryBudgets();
      let lastWarning = 0;
      return store.budgets(config.databaseUrl, {
        timeoutMs: config.rateLimitStoreTimeoutMs,
        onStoreFailure(error: unknown) {
          metrics.rateLimitStoreFailures.inc();
          // One line per 10 s at most: an outage would otherwise log on every request.
          if (Date.now() - lastWarning < 10_000) return;
          lastWarning = Date.now();
          log.warn({ err: error }, 'rate-limit store failed: budgets are counted per instance until it answers');
        },
      });
    },
    [SERVICE_TOKENS.Metrics, TOKENS.Logger],
  );
  bindFactory(container, TOKENS.UnitOfWork, (db: Database) => db.uow, [TOKENS.Database]);
  bindFactory(container, TOKENS.Clock, () => new SystemClock(), []);
  bindFactory(container, TOKENS.Random, () => new NodeRandom(), []);
  bindFactory(container, TOKENS.CredentialHasher, () => new ScryptCredentialHasher(), []);
  bindFactory(container, TOKENS.TokenSigner, () => new JoseTokenSigner(), []);
  bindFactory(
    container,
    TOKENS.SecretHasher,
    () => asSecretHasher(new ScryptCredentialHasher(APP_SECRET_SCRYPT_PARAMETERS)),
    [],
  );
  // After the store: on PGlite the master key file is made only once the data directory is ours.
  bindFactory(container, TOKENS.MasterKey, async (_store: Database) => resolveMasterKey(config), [TOKENS.Store]);
  bindFactory(container, TOKENS.KeySealer, (key: Buffer) => new AesGcmKeySealer(key), [TOKENS.MasterKey]);
  bindFactory(
    container,
    TOKENS.Database,
    (opened: Database, key: Buffer) => withSealedWebhookSecrets(opened, new AesGcmKeySealer(key, 'webhook secret')),
    [TOKENS.Store, TOKENS.MasterKey],
  );

  bindFactory(
    container,
    TOKENS.Dependencies,
    (
      uow: UnitOfWork,
      clock: Clock,
      random: Random,
      hasher: CredentialHasher,
      tokens: TokenSigner,
      secretHasher: SecretHasher,
      sealer: KeySealer,
    ): Dependencies => ({ uow, clock, random, hasher, tokens, secretHasher, sealer }),
    [
      TOKENS.UnitOfWork,
      TOKENS.Clock,
      TOKENS.Random,
      TOKENS.CredentialHasher,
      TOKENS.TokenSigner,
      TOKENS.SecretHasher,
      TOKENS.KeySealer,
    ],
  );
  bindFactory(
    container,
    TOKENS.UseCases,
    (deps: Dependencies, cfg: Config, database: Database): UseCases => {
      const useCases = createUseCases(deps, cfg.tokenPolicy);
      // Concurrent additions to one room share a unit of work (a decorator: the use case and
      // the adapters know nothing of it). Each request keeps its own answer and errors.
      if (!cfg.coalesceAdds) return useCases;
      const alone = new AddMembers(deps);
      const coalescing = new CoalescingAddMembers(alone);
      // A request with an Idempotency-Key runs alone: its unit must be its own keyed
      // transaction, never a batch shared with (or started for) other requests.
      const keyed = database.idempotency;
      const addMembers: Pick<AddMembers, 'execute'> = {
        execute: (app, roomId, usernames) =>
          keyed?.active() ? alone.execute(app, roomId, usernames) : coalescing.execute(app, roomId, usernames),
      };
      return { ...useCases, addMembers };
    },
    [TOKENS.Dependencies, TOKENS.Config, TOKENS.Database],
  );
  // Events out: the outbox's delivery loop, started and stopped by the service.
  bindFactory(
    container,
    SERVICE_TOKENS.DeliveryWorker,
    (database: Database, cfg: Config, clock: Clock, signal: EventSignal, log: Logger) =>
      createDeliveryWorker(database, cfg.events, clock, signal, log),
    [TOKENS.Database, TOKENS.Config, TOKENS.Clock, SERVICE_TOKENS.EventSignal, TOKENS.Logger],
  );
  bindFactory(
    container,
    SERVICE_TOKENS.OperatorApi,
    (database: Database, deps: Dependencies, cfg: Config) => createOperatorApi(database, deps, cfg, SERVICE_VERSION),
    [TOKENS.Database, TOKENS.Dependencies, TOKENS.Config],
  );
  bindFactory(
    container,
    SERVICE_TOKENS.HttpApp,
    (
      useCases: UseCases,
      database: Database,
      cfg: Config,
      log: Logger,
      metrics: ServiceMetrics,
      budgets: RateBudgets,
      operatorApi: OperatorApi,
    ) => {
      if (database.poolStats) metrics.watchPool(database.poolStats);
      return createHttpApp({
        useCases,
        database,
        logger: log,
        bodyLimitBytes: cfg.bodyLimitBytes,
        trustedProxies: cfg.trustedProxies,
        tokenHashesInFlight: cfg.tokenHashesInFlight,
        appCacheTtlMs: APP_CACHE_TTL_MS,
        metrics,
        metricsToken: cfg.metricsToken,
        metricsElsewhere: cfg.metricsPort !== undefined,
        tenantGuards: [rateLimit(budgets, useCases.authenticateApp)],
        operatorApi,
      });
    },
    [
      TOKENS.UseCases,
      TOKENS.Database,
      TOKENS.Config,
      TOKENS.Logger,
      SERVICE_TOKENS.Metrics,
      SERVICE_TOKENS.RateBudgets,
      SERVICE_TOKENS.OperatorApi,
    ],
  );
  return container;
}
