import { mariadbStore } from './mariadb-store.js';
import { postgresStore } from './postgres-store.js';
import type { StoreRegistration } from './store-registration.js';

/**
 * Every store the service runs on, one line each: DATABASE_URL's scheme picks one (config.ts
 * accepts exactly these schemes), and the embedded one serves when DATABASE_URL is unset.
 */
export const STORES: readonly StoreRegistration[] = [postgresStore, mariadbStore];

/** Every scheme DATABASE_URL may have, without the colon. */
export const STORE_SCHEMES: readonly string[] = STORES.flatMap((store) => store.schemes);

/** The store for DATABASE_URL (undefined: the embedded store). */
export function storeFor(databaseUrl: string | undefined): StoreRegistration {
  const scheme = databaseUrl === undefined ? undefined : databaseUrl.slice(0, databaseUrl.indexOf(':'));
  const store = STORES.find((s) => (scheme === undefined ? s.embedded === true : s.schemes.includes(scheme)));
  if (!store) throw new Error(`no store serves ${scheme === undefined ? 'an unset DATABASE_URL' : `${scheme}://`}`);
  return store;
}
