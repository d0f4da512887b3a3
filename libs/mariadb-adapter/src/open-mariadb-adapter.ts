import {
  UnavailableError,
  type DeliveryQueue,
  type IdGenerator,
  type IdempotencyRunner,
  type UnitOfWork,
} from '@chatroom/domain';
import { Kysely } from 'kysely';
import { counterMismatches } from './counter-audit.js';
import { KeyedTransactions } from './keyed-transactions.js';
import { MariadbDeliveryQueue } from './mariadb-delivery-queue.js';
import { MariadbEventRuleStore } from './mariadb-event-rule-store.js';
import { MariadbConsoleQueries } from './mariadb-console-queries.js';
import { MariadbOperatorStore } from './mariadb-operator-store.js';
import { MariadbImportProgress } from './mariadb-import-progress.js';
import { MariadbIdempotencyRunner } from './mariadb-idempotency-runner.js';
import { createMariadbDialect } from './mariadb-dialect.js';
import { MariadbUnitOfWork } from './mariadb-unit-of-work.js';
import { isMigrated, migrateToLatest } from './migrator.js';
import { QueryObserverPlugin, type QueryObserver } from '@chatroom/sql-store-kit';
import type { Database } from './schema/database.js';
import { SequenceIdGenerator } from './sequence-id-generator.js';
import { errno, translateDatabaseError } from './translate-database-error.js';

export interface MariadbAdapterOptions {
  /** mysql://user:password@host:port/database (mariadb:// is accepted too). */
  databaseUrl: string;
  /** mysql2 pool size, default 10. */
  poolSize?: number;
  /** How long a query may wait for its answer before the store counts as unavailable; default 10 s. */
  queryTimeoutMs?: number;
  /** Told of every statement run and the rows it returned (tests count queries with it). */
  onQuery?: QueryObserver;
  /** Told of every unit of work run again, with the MariaDB error (`ER_LOCK_DEADLOCK`, …) that caused it. */
  onRetry?: (attempt: number, code: string) => void;
  /** Called after a unit (or keyed request) that stored events commits (wakes this instance's delivery worker). */
  onEventsCommitted?: () => void;
}

export interface MariadbAdapter {
  readonly kind: 'mariadb';
  readonly uow: UnitOfWork;
  readonly ids: IdGenerator;
  /** The delivery queue of the events outbox. */
  readonly deliveries: DeliveryQueue;
  /** Webhook / NATS rules, replay and retention of the events outbox and idempotency keys. */
  readonly eventRules: MariadbEventRuleStore;
  /** The operators of the console and the operator API. */
  readonly operators: MariadbOperatorStore;
  /** Room search and delivery health for the console. */
  readonly consoleQueries: MariadbConsoleQueries;
  readonly importProgress: MariadbImportProgress;
  /** Runs requests with an Idempotency-Key: change and first response in one transaction. */
  readonly idempotency: IdempotencyRunner;
  /** Guarded counters (member, joined-room, room-quota counts) that differ from a recount; [] when all are right. */
  counterMismatches(): Promise<string[]>;
  /** True when the database answers and migrations are done; never throws. */
  isReady(): Promise<boolean>;
  /** Closes the pool; never throws. */
  close(): Promise<void>;
}

const DEFAULT_POOL_SIZE = 10;
/** A health probe wants an answer soon; a pool waiting for a dead server would take its connect timeout. */
const READY_TIMEOUT_MS = 3_000;

/** The sentence for a URL naming a database the server does not have (ER_BAD_DB_ERROR), with the fix. */
function missingDatabase(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.slice(1));
  const user = decodeURIComponent(url.username) || 'root';
  return (
    `The database "${name}" does not exist on ${url.hostname}:${url.port || 3306}. ` +
    `Create it first: mariadb -h ${url.hostname} -P ${url.port || 3306} -u ${user} -p -e 'CREATE DATABASE \`${name}\`'`
  );
}

/**
 * Opens the store on a MariaDB (or MySQL-family) server and brings its schema up to date
 * before returning. A server that cannot be reached gives UnavailableError.
 */
export async function openMariadbAdapter(options: MariadbAdapterOptions): Promise<MariadbAdapter> {
  const { onQuery } = options;
  const db = new Kysely<Database>({
    dialect: createMariadbDialect(options.databaseUrl, options.poolSize ?? DEFAULT_POOL_SIZE, options.queryTimeoutMs),
    plugins: onQuery ? [new QueryObserverPlugin(onQuery)] : [],
  });
  try {
    await migrateToLatest(db);
  } catch (error) {
    await db.destroy().catch(() => {});
    if (errno(error) === 1049) throw new UnavailableError(missingDatabase(options.databaseUrl));
    throw translateDatabaseError(error);
  }
  let closed: Promise<void> | undefined;
  const keyed = new KeyedTransactions();
  return {
    kind: 'mariadb',
    uow: new MariadbUnitOfWork(db, options.onRetry, keyed, options.onEventsCommitted),
    ids: new SequenceIdGenerator(db),
    deliveries: new MariadbDeliveryQueue(db),
    eventRules: new MariadbEventRuleStore(db, keyed),
    operators: new MariadbOperatorStore(db),
    consoleQueries: new MariadbConsoleQueries(db, keyed),
    importProgress: new MariadbImportProgress(db),
    idempotency: new MariadbIdempotencyRunner(db, keyed, options.onEventsCommitted, options.onRetry),
    counterMismatches: () => counterMismatches(db),
    async isReady() {
      if (closed) return false;
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<false>((resolve) => {
        timer = setTimeout(() => resolve(false), READY_TIMEOUT_MS);
      });
      const check = isMigrated(db).catch(() => false);
      try {
        return await Promise.race([check, timeout]);
      } finally {
        clearTimeout(timer);
      }
    },
    close() {
      // A connection still in its handshake when the pool ends (a server that stopped answering)
      // fails its QUIT with the connect error: nothing is left to close then, so that is no failure.
      closed ??= db.destroy().catch(() => {});
      return closed;
    },
  };
}
