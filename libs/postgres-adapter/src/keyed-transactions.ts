import { AsyncLocalStorage } from 'node:async_hooks';
import type { Transaction } from 'kysely';
import type { PostgresEventOutbox } from './postgres-event-outbox.js';
import type { Database } from './schema/database.js';

/** The transaction of a request with an Idempotency-Key, and the outbox its units append to. */
export interface KeyedUnit {
  readonly trx: Transaction<Database>;
  readonly events: PostgresEventOutbox;
}

/**
 * The one ambient transaction: that of a keyed request (PostgresIdempotencyRunner), which the
 * request's units of work join so that its change and its stored response commit together.
 * Requests without the header never enter it, so their write path has no AsyncLocalStorage.
 */
export class KeyedTransactions {
  private readonly storage = new AsyncLocalStorage<KeyedUnit>();

  current(): KeyedUnit | undefined {
    return this.storage.getStore();
  }

  run<T>(unit: KeyedUnit, fn: () => Promise<T>): Promise<T> {
    return this.storage.run(unit, fn);
  }
}
