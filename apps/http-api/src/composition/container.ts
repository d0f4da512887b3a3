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
import { openMariadbAdapter, RATE_LIMITS_TABLE as MARIADB_RATE_LIMITS_TABLE } from '@chatroom/mariadb-adapter';
import { openPostgresAdapter, RATE_LIMITS_TABLE } from '@chatroom/postgres-adapter';
import { Container } from 'inversify';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import { createHttpApp } from '../http/app.js';
import { rateLimit } from '../http/middleware/rate-limit.js';
import { createLogger } from '../logger.js';
import { createDeliveryWorker } from '../events/create-delivery-worker.js';
import { EventSignal } from '../events/event-signal.js';
import { createServiceMetrics, type ServiceMetrics } from '../metrics/prometheus-metrics.js';
import { memoryBudgets } from '../rate-limit/limiter-check.js';
import { mariadbBudgets } from '../rate-limit/mariadb-rate-budgets.js';
import { postgresBudgets } from '../rate-limit/postgres-rate-budgets.js';
import type { RateBudgets } from '../rate-limit/rate-budgets.js';
import type { Database } from '../ports/database.js';
import { resolveMasterKey } from './master-key-file.js';
import { withSealedWebhookSecrets } from './sealed-webhook-secrets.js';
import { TOKENS } from '../ports/tokens.js';
import { createUseCases, type UseCases } from '../ports/use-cases.js';
import { createOperatorApi } from './operator-api.js';
import type { OperatorApi } from '../http/operator/operator-kit.js';
import { SERVICE_VERSION } from '../version.js';

/** Found apps are reused this long without a store round trip (see resolve-app.ts). */
const APP_CACHE_TTL_MS = 5_000;

/**
 * The composition root: the only place that binds adapters to the domain's ports. Every
 * binding is a singleton built on first use, so a caller may `rebind` any port (before the
 * first `getAsync`) and nothing of the replaced adapter is ever created — tests bind the
 * in-memory adapters this way (see in-memory-adapters.ts), and so can anyone plugging in
 * their own. No decorators: classes are built by the factories below.
 */
export function createContainer(config: Config, logger: Logger = createLogger(config.logLevel)): Container {
  const container = new Container({ defaultScope: 'Singleton' });
  container.bind<Config>(TOKENS.Config).toConstantValue(config);
  container.bind<Logger>(TOKENS.Logger).toConstantValue(logger);

  container.bind<ServiceMetrics>(TOKENS.Metrics).toResolvedValue(() => createServiceMetrics());

  // The store by DATABASE_URL's scheme: mysql:// or mariadb:// → MariaDB; postgres(ql):// →
  // PostgreSQL, each through a pool; unset → embedded PGlite in DATA_DIR.
  // Migrations run on open, so an unreachable server fails start-up; later outages surface
  // per request as UnavailableError (503) and heal when the server returns.
  const mariadb = config.databaseUrl !== undefined && isMariadbUrl(config.databaseUrl);
  container.bind<EventSignal>(TOKENS.EventSignal).toConstantValue(new EventSignal());
  container.bind<Database>(TOKENS.Store).toResolvedValue(
    (metrics: ServiceMetrics, signal: EventSignal) =>
      mariadb
        ? openMariadbAdapter({
            databaseUrl: config.databaseUrl!,
            poolSize: config.dbPoolSize,
            onRetry: (_attempt, code) => metrics.unitOfWorkRetries.inc({ sqlstate: code }),
            onEventsCommitted: () => signal.notify(),
          })
        : openPostgresAdapter({
            ...(config.databaseUrl !== undefined
              ? {
                  databaseUrl: config.databaseUrl,
                  poolSize: config.dbPoolSize,
                  sessionLimits: config.dbSessionLimits,
                  migrationTimeoutMs: config.dbMigrationTimeoutMs,
                }
              : { dataDir: config.dataDir }),
            onRetry: (_attempt, sqlState) => metrics.unitOfWorkRetries.inc({ sqlstate: sqlState }),
            onEventsCommitted: () => signal.notify(),
          }),
    [TOKENS.Metrics, TOKENS.EventSignal],
  );

  // Budgets shared through the database server when there is one (PostgreSQL or MariaDB); in
  // this process on PGlite.
  container.bind<RateBudgets>(TOKENS.RateBudgets).toResolvedValue(
    (metrics: ServiceMetrics, log: Logger) => {
      if (config.databaseUrl === undefined) return memoryBudgets();
      let lastWarning = 0;
      const options = {
        databaseUrl: config.databaseUrl,
        timeoutMs: config.rateLimitStoreTimeoutMs,
        onStoreFailure(error: unknown) {
          metrics.rateLimitStoreFailures.inc();
          // One line per 10 s at most: an outage would otherwise log on every request.
          if (Date.now() - lastWarning < 10_000) return;
          lastWarning = Date.now();
          log.warn({ err: error }, 'rate-limit store failed: budgets are counted per instance until it answers');
        },
      };
      return mariadb
        ? mariadbBudgets({ ...options, tableName: MARIADB_RATE_LIMITS_TABLE })
        : postgresBudgets({ ...options, tableName: RATE_LIMITS_TABLE });
    },
    [TOKENS.Metrics, TOKENS.Logger],
  );
  container.bind<UnitOfWork>(TOKENS.UnitOfWork).toResolvedValue((db: Database) => db.uow, [TOKENS.Database]);
  container.bind<Clock>(TOKENS.Clock).toResolvedValue(() => new SystemClock());
  container.bind<Random>(TOKENS.Random).toResolvedValue(() => new NodeRandom());
  container.bind<CredentialHasher>(TOKENS.CredentialHasher).toResolvedValue(() => new ScryptCredentialHasher());
  container.bind<TokenSigner>(TOKENS.TokenSigner).toResolvedValue(() => new JoseTokenSigner());
  container
    .bind<CredentialHasher>(TOKENS.SecretHasher)
    .toResolvedValue(() => new ScryptCredentialHasher(APP_SECRET_SCRYPT_PARAMETERS));
  // After the store: on PGlite the master key file is made only once the data directory is ours.
  container.bind<Buffer>(TOKENS.MasterKey).toResolvedValue(async (_store: Database) => resolveMasterKey(config), [TOKENS.Store]);
  container.bind<KeySealer>(TOKENS.KeySealer).toResolvedValue((key: Buffer) => new AesGcmKeySealer(key), [TOKENS.MasterKey]);
  container
    .bind<Database>(TOKENS.Database)
    .toResolvedValue(
      (store: Database, key: Buffer) => withSealedWebhookSecrets(store, new AesGcmKeySealer(key, 'webhook secret')),
      [TOKENS.Store, TOKENS.MasterKey],
    );

  container
    .bind<Dependencies>(TOKENS.Dependencies)
    .toResolvedValue(
      (
        uow: UnitOfWork,
        clock: Clock,
        random: Random,
        hasher: CredentialHasher,
        tokens: TokenSigner,
        secretHasher: CredentialHasher,
        sealer: KeySealer,
      ) => ({ uow, clock, random, hasher, tokens, secretHasher, sealer }),
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
  container
    .bind<UseCases>(TOKENS.UseCases)
    .toResolvedValue(
      (deps: Dependencies, cfg: Config, database: Database) => {
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
  container
    .bind(TOKENS.DeliveryWorker)
    .toResolvedValue(
      (database: Database, cfg: Config, clock: Clock, signal: EventSignal, log: Logger) =>
        createDeliveryWorker(database, cfg.events, clock, signal, log),
      [TOKENS.Database, TOKENS.Config, TOKENS.Clock, TOKENS.EventSignal, TOKENS.Logger],
    );
  container
    .bind<OperatorApi>(TOKENS.OperatorApi)
    .toResolvedValue(
      (database: Database, deps: Dependencies, cfg: Config) => createOperatorApi(database, deps, cfg, SERVICE_VERSION),
      [TOKENS.Database, TOKENS.Dependencies, TOKENS.Config],
    );
  container
    .bind(TOKENS.HttpApp)
    .toResolvedValue(
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
      [TOKENS.UseCases, TOKENS.Database, TOKENS.Config, TOKENS.Logger, TOKENS.Metrics, TOKENS.RateBudgets, TOKENS.OperatorApi],
    );
  return container;
}

/** The URL schemes served by the MariaDB adapter (config.ts accepts nothing else but PostgreSQL's). */
function isMariadbUrl(url: string): boolean {
  return /^(mysql|mariadb):\/\//.test(url);
}
