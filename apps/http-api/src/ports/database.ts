import type {
  ConsoleQueries,
  DeadDeliveryRevival,
  DeliveryQueue,
  EventRuleStore,
  IdempotencyRunner,
  ImportProgress,
  OperatorStore,
  UnitOfWork,
} from '@chatroom/domain';
import type { IdempotencyKeyPruner } from './idempotency.js';

/**
 * The store as the service sees it: the unit of work (ids come with its repositories) plus its
 * lifecycle. The PostgreSQL adapter (pg or PGlite) and the MariaDB adapter have this shape;
 * tests use an in-memory one.
 */
export interface Database {
  /** What the store is (`postgres`, `pglite`, `mariadb`, `memory`…), for the log and the console. */
  readonly kind: string;
  readonly uow: UnitOfWork;
  /** The events outbox's queue and rules; absent on the in-memory store (nothing delivered). */
  readonly deliveries?: DeliveryQueue;
  readonly eventRules?: EventRuleStore & {
    prune(before: number, batch: number): Promise<number>;
    /** Seals the secrets still stored in clear; how many (see sealed-webhook-secrets.ts). */
    sealClearSecrets?(): Promise<number>;
  };
  /** The operators of the console and the operator API; absent → kept in this process. */
  readonly operators?: OperatorStore;
  /** Room search and delivery health for the console; absent → over an empty in-memory state. */
  readonly consoleQueries?: ConsoleQueries & DeadDeliveryRevival;
  /** Idempotency-Key support; absent on the in-memory store (the header is then ignored). */
  readonly idempotency?: IdempotencyRunner;
  /** Expired Idempotency-Keys out; present with `idempotency`. */
  readonly idempotencyKeys?: IdempotencyKeyPruner;
  /** Where `import easemob` keeps its progress; absent on the in-memory store (kept in process). */
  readonly importProgress?: ImportProgress;
  /** The connection pool right now (PostgreSQL only), for metrics. */
  readonly poolStats?: () => { total: number; idle: number; waiting: number };
  /** Reachable and migrated. */
  isReady(): Promise<boolean>;
  close(): Promise<void>;
}
