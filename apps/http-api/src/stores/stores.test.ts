import { describe, expect, it } from 'vitest';
import { mariadbStore } from './mariadb-store.js';
import { postgresStore } from './postgres-store.js';
import { STORE_SCHEMES, STORES, storeFor } from './stores.js';

describe('the store registry', () => {
  it.each([
    ['postgres://u@db/chat', postgresStore],
    ['postgresql://u@db/chat', postgresStore],
    ['mysql://root@db:3306/chat', mariadbStore],
    ['mariadb://root@db/chat', mariadbStore],
    [undefined, postgresStore],
  ])('DATABASE_URL %s → its registration', (url, store) => {
    expect(storeFor(url)).toBe(store);
  });

  it('refuses a scheme no store serves, naming it', () => {
    expect(() => storeFor('sqlite://x')).toThrow('no store serves sqlite://');
  });

  it('has exactly one embedded store, and no scheme served twice', () => {
    expect(STORES.filter((store) => store.embedded)).toHaveLength(1);
    expect(new Set(STORE_SCHEMES).size).toBe(STORE_SCHEMES.length);
  });
});
