/**
 * Service identifiers of the composition root. Symbols, so nothing outside this package can
 * collide with them; the bound types are listed beside each one.
 */
export const TOKENS = {
  /** `Config` */
  Config: Symbol('Config'),
  /** pino `Logger` */
  Logger: Symbol('Logger'),
  /** `Database`: the store and its lifecycle, webhook secrets sealed */
  Database: Symbol('Database'),
  /** `Database` as the adapter opened it (secrets as stored) */
  Store: Symbol('Store'),
  /** `Buffer`: TOKEN_MASTER_KEY, or the data directory's key on PGlite */
  MasterKey: Symbol('MasterKey'),
  /** domain port `UnitOfWork` */
  UnitOfWork: Symbol('UnitOfWork'),
  /** domain port `Clock` */
  Clock: Symbol('Clock'),
  /** domain port `Random` */
  Random: Symbol('Random'),
  /** domain port `CredentialHasher` */
  CredentialHasher: Symbol('CredentialHasher'),
  /** domain port `TokenSigner` */
  TokenSigner: Symbol('TokenSigner'),
  /** domain port `CredentialHasher` for app client secrets (a higher cost than passwords') */
  SecretHasher: Symbol('SecretHasher'),
  /** domain port `KeySealer` */
  KeySealer: Symbol('KeySealer'),
  /** domain `Dependencies`: every port in one object, as the use cases take them */
  Dependencies: Symbol('Dependencies'),
  /** `UseCases` */
  UseCases: Symbol('UseCases'),
  /** `DeliveryWorker`: the events outbox's background loop */
  DeliveryWorker: Symbol('DeliveryWorker'),
  /** `EventSignal`: wakes the delivery worker when this instance commits events */
  EventSignal: Symbol('EventSignal'),
  /** `ServiceMetrics`: the Prometheus registry and the service's metrics */
  Metrics: Symbol('Metrics'),
  /** `RateBudgets`: where the per-app request budgets are counted */
  RateBudgets: Symbol('RateBudgets'),
  /** `OperatorApi`: what the operator API and the console run on */
  OperatorApi: Symbol('OperatorApi'),
  /** the Koa application */
  HttpApp: Symbol('HttpApp'),
} as const;
