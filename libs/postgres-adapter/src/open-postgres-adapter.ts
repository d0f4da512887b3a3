import { UnavailableError, type DeliveryQueue, type IdGenerator, type IdempotencyRunner } from '@chatroom/domain';
import { KeyedTransactions } from './keyed-transactions.js';
import { PostgresIdempotencyRunner } from './postgres-idempotency-runner.js';
import { PostgresDeliveryQueue } from './postgres-delivery-queue.js';
import { PostgresEventRuleStore } from './postgres-event-rule-store.js';
import { PostgresConsoleQueries } from './postgres-console-queries.js';
import { PostgresOperatorStore } from './postgres-operator-store.js';
import { PostgresImportProgress } from './postgres-import-progress.js';
import { Kysely, type Dialect } from 'kysely';
import { join } from 'node:path';
import { DataDirLock } from './data-dir-lock.js';
import { counterMismatches } from './counter-audit.js';
import { PostgresUnitOfWork } from './postgres-unit-of-work.js';
import { isMigrated, migrateToLatest, migrationNames } from './migrator.js';
import { createPgDialect, type PgSessionLimits, type PoolStats } from './pg-dialect.js';
import { QueryObserverPlugin, type QueryObserver } from '@chatroom/sql-store-kit';
import type { Database } from './schema/database.js';
import { SequenceIdGenerator } from './sequence-id-generator.js';
import { sqlState, translateDatabaseError } from './translate-database-error.js';

export interface PostgresAdapterOptions {
  /** postgres://… → a pg pool; absent → embedded PGlite in dataDir. */
  databaseUrl?: string;
  /** PGlite data directory; default `<cwd>/.chatroom-data`; 'memory://' for a throwaway in-memory database (no lock file). */
  dataDir?: string;
  /** pg pool size, default 10. */
  poolSize?: number;
  /** How long a pg query may wait for its answer before the store counts as unavailable; default 10 s. */
  queryTimeoutMs?: number;
  /** Server-side limits of every pooled pg session; default DEFAULT_SESSION_LIMITS. */
  sessionLimits?: PgSessionLimits;
  /**
   * Every limit of the migration session (statements, lock waits, the advisory lock that
   * serialises starting instances); default 10 minutes, so a second instance starting during
   * a long migration waits for it instead of failing.
   */
  migrationTimeoutMs?: number;
  /**
   * Called before a unit of work, or the whole transaction of a keyed request, runs again after a
   * deadlock, serialization failure or foreign-key race.
   */
  onRetry?: (attempt: number, sqlState: string) => void;
  /** Called after a unit that stored events commits (wakes this instance's delivery worker). */
  onEventsCommitted?: () => void;
  /** Told of every statement run and the rows it returned (tests count queries with it). */
  onQuery?: QueryObserver;
}

export interface PostgresAdapter {
  readonly kind: 'postgres' | 'pglite';
  readonly uow: PostgresUnitOfWork;
  /** Ids drawn on the pool, outside any unit (tests and tools); use cases draw them through `Repositories.ids`. */
  readonly ids: IdGenerator;
  /** The delivery queue of the events outbox. */
  readonly deliveries: DeliveryQueue;
  /** Runs requests with an Idempotency-Key: change and first response in one transaction. */
  readonly idempotency: IdempotencyRunner;
  /** Webhook / NATS rules, replay and retention of the events outbox. */
  readonly eventRules: PostgresEventRuleStore;
  /** The operators of the console and the operator API. */
  readonly operators: PostgresOperatorStore;
  /** Room search and delivery health for the console. */
  readonly consoleQueries: PostgresConsoleQueries;
  readonly importProgress: PostgresImportProgress;
  /** Guarded counters (member, joined-room, room-quota counts) that differ from a recount; [] when all are right. */
  counterMismatches(): Promise<string[]>;
  /** The pg pool's connections and waiters right now; absent on PGlite. */
  readonly poolStats?: () => PoolStats;
  /** True when the database answers and migrations are done; never throws. */
  isReady(): Promise<boolean>;
  /** Closes the pool / PGlite and releases the data-directory lock. */
  close(): Promise<void>;
}

const IN_MEMORY = 'memory://';
const DEFAULT_POOL_SIZE = 10;
const DEFAULT_MIGRATION_TIMEOUT_MS = 600_000;
/** A health probe wants an answer soon; a pool waiting for a dead server would take its connect timeout. */
const READY_TIMEOUT_MS = 3_000;

/**
 * Opens the store and brings its schema up to date before returning. A server that cannot be
 * reached gives UnavailableError; a data directory held by another live process, a plain Error
 * saying so.
 */
export async function openPostgresAdapter(options: PostgresAdapterOptions): Promise<PostgresAdapter> {
  if (options.databaseUrl) {
    await migrateOnItsOwnSession(options.databaseUrl, options.migrationTimeoutMs ?? DEFAULT_MIGRATION_TIMEOUT_MS);
    const pg = createPgDialect(options.databaseUrl, {
      poolSize: options.poolSize ?? DEFAULT_POOL_SIZE,
      queryTimeoutMs: options.queryTimeoutMs,
      limits: options.sessionLimits,
    });
    return { ...(await start('postgres', pg.dialect, async () => {}, options)), poolStats: pg.stats };
  }
  const dataDir = options.dataDir ?? join(process.cwd(), '.chatroom-data');
  const lock = dataDir === IN_MEMORY ? null : await DataDirLock.acquire(dataDir);
  try {
    // Loaded only here: PGlite's JavaScript alone costs a PostgreSQL start ≈ 0.3 s for nothing.
    const [{ createPgliteDialect }, { PgliteTemplate }] = await Promise.all([
      import('./pglite-dialect.js'),
      import('./pglite-template.js'),
    ]);
    const template = PgliteTemplate.for(migrationNames());
    const fresh = PgliteTemplate.isNew(dataDir);
    const stored = fresh ? await template.read() : null;
    // A template that does not load (damaged, or from a PGlite that wrote it differently) is skipped.
    const { dialect, pglite } = await createPgliteDialect(dataDir, stored).catch(() => createPgliteDialect(dataDir));
    // A new in-memory store made the slow way is, once migrated and still empty, the next one's
    // template. Only an in-memory one: a dump takes every file of the directory, our lock included.
    const afterMigrate =
      dataDir === IN_MEMORY && !stored ? async () => template.write(await pglite.dumpDataDir('gzip')) : undefined;
    return await start('pglite', dialect, async () => lock?.release(), options, afterMigrate);
  } catch (error) {
    await lock?.release();
    throw error;
  }
}

/**
 * Migrates through one connection of its own whose every limit is the migration timeout: the
 * pool's request-sized limits would cancel a long migration, or fail a second instance waiting
 * for the first one's advisory lock.
 */
/** The sentence for a DATABASE_URL naming a database the server does not have, with the fix. */
function missingDatabase(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.slice(1));
  const user = decodeURIComponent(url.username) || 'postgres';
  return (
    `The database "${name}" does not exist on ${url.hostname}:${url.port || 5432}. ` +
    `Create it first: createdb -h ${url.hostname} -p ${url.port || 5432} -U ${user} ${name}`
  );
}

async function migrateOnItsOwnSession(databaseUrl: string, timeoutMs: number): Promise<void> {
  const limits = { statementTimeoutMs: timeoutMs, lockTimeoutMs: timeoutMs, idleInTransactionTimeoutMs: timeoutMs };
  const { dialect } = createPgDialect(databaseUrl, { poolSize: 1, queryTimeoutMs: timeoutMs + 5_000, limits });
  const db = new Kysely<Database>({ dialect });
  try {
    await migrateToLatest(db);
  } catch (error) {
    if (sqlState(error) === '3D000') throw new UnavailableError(missingDatabase(databaseUrl));
    throw translateDatabaseError(error);
  } finally {
    await db.destroy().catch(() => {});
  }
}

async function start(
  kind: PostgresAdapter['kind'],
  dialect: Dialect,
  afterClose: () => Promise<void>,
  options: Pick<PostgresAdapterOptions, 'onRetry' | 'onEventsCommitted' | 'onQuery'>,
  afterMigrate?: () => Promise<void>,
): Promise<PostgresAdapter> {
  const db = new Kysely<Database>({
    dialect,
    plugins: options.onQuery ? [new QueryObserverPlugin(options.onQuery)] : [],
  });
  try {
    // PGlite: one process, no limits to escape; PostgreSQL has migrated on its own session.
    if (kind === 'pglite') await migrateToLatest(db);
    await afterMigrate?.();
  } catch (error) {
    await db.destroy().catch(() => {});
    throw translateDatabaseError(error);
  }
  let closed: Promise<void> | undefined;
  const keyed = new KeyedTransactions();
  return {
    kind,
    uow: new PostgresUnitOfWork(db, options.onRetry, keyed, options.onEventsCommitted),
    ids: new SequenceIdGenerator(db),
    deliveries: new PostgresDeliveryQueue(db),
    idempotency: new PostgresIdempotencyRunner(db, keyed, options.onRetry, options.onEventsCommitted),
    eventRules: new PostgresEventRuleStore(db, keyed),
    operators: new PostgresOperatorStore(db),
    consoleQueries: new PostgresConsoleQueries(db, keyed),
    importProgress: new PostgresImportProgress(db),
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
      closed ??= db.destroy().finally(afterClose);
      return closed;
    },
  };
}
