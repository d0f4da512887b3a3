import { AsyncLocalStorage } from 'node:async_hooks';
import type { Kysely, Transaction } from 'kysely';
import type { KyselyEventOutbox } from './kysely-event-outbox.js';
import type { Database } from './schema/database.js';

/** The running unit: its transaction and the outbox its events go to (flushed before commit). */
export interface ScopedUnit {
  readonly trx: Transaction<Database>;
  readonly events: KyselyEventOutbox;
}

/**
 * Remembers, along the async call chain, the transaction a unit of work is running in, so that
 * the id generator (called by use cases inside `write`) and nested units run on the same
 * connection. Without it a use case would need a second connection while holding one: a
 * deadlock on PGlite's single connection, and on a pool whose every connection is so held.
 */
export class TransactionScope {
  private readonly storage = new AsyncLocalStorage<ScopedUnit>();

  constructor(readonly db: Kysely<Database>) {}

  /** The current unit, if any. */
  current(): ScopedUnit | undefined {
    return this.storage.getStore();
  }

  /** Where a query should run now: the current transaction, else the pool. */
  executor(): Kysely<Database> {
    return this.storage.getStore()?.trx ?? this.db;
  }

  run<T>(unit: ScopedUnit, fn: () => Promise<T>): Promise<T> {
    return this.storage.run(unit, fn);
  }
}
