import type { Config } from '../config.js';
import type { StoreBudgetsOptions } from '../rate-limit/limiter-check.js';
import type { RateBudgets } from '../rate-limit/rate-budgets.js';
import type { Database } from '../ports/database.js';

/** What the composition root tells a store it opens. */
export interface StoreHooks {
  /** A unit of work is retried after this SQLSTATE (or the server's error code). */
  onRetry(code: string): void;
  /** A unit that stored events committed: the delivery worker wakes. */
  onEventsCommitted(): void;
}

/**
 * One store the service can run on: the DATABASE_URL schemes it serves, how it opens, and where
 * the per-app request budgets are shared between the instances on it. stores.ts lists them.
 */
export interface StoreRegistration {
  /** URL schemes without the colon (`postgres`, `mysql`…). */
  readonly schemes: readonly string[];
  /** Opens on DATA_DIR when DATABASE_URL is unset; one registration does. */
  readonly embedded?: boolean;
  /** Opens the store and brings its schema up to date (a server that cannot be reached fails here). */
  open(config: Config, hooks: StoreHooks): Promise<Database>;
  /** Budgets every instance on the server at `databaseUrl` shares. */
  budgets(databaseUrl: string, options: StoreBudgetsOptions): RateBudgets;
}

/** The rule store of the SQL adapters, which also prunes expired Idempotency-Keys. */
type SqlStore = Database & {
  readonly eventRules: NonNullable<Database['eventRules']> & {
    pruneIdempotencyKeys(before: number, batch: number): Promise<number>;
  };
};

/** A SQL adapter as the service sees it: key pruning through its own port, not the rule store. */
export function sqlStore(store: SqlStore): Database {
  const { eventRules } = store;
  return { ...store, idempotencyKeys: { prune: (before, batch) => eventRules.pruneIdempotencyKeys(before, batch) } };
}
