import { AsyncLocalStorage } from 'node:async_hooks';
import type { Transaction } from 'kysely';
import type { MariadbEventOutbox } from './mariadb-event-outbox.js';
import type { Database } from './schema/database.js';

/** The transaction of a request with an Idempotency-Key, and the outbox its units append to. */
export interface KeyedUnit {
  readonly trx: Transaction<Database>;
  readonly events: MariadbEventOutbox;
}

/**
 * The one ambient transaction: that of a keyed request (MariadbIdempotencyRunner), which the
 * request's units of work join so that its change and its stored response commit together.
 */
export class KeyedTransactions extends AsyncLocalStorage<KeyedUnit> {}
