import type { UnitOfWork } from '@chatroom/domain';
import type { Kysely } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { seedApp } from './seed.js';

/** The tables every SQL store's migrations make, the migrator's own included, in order. */
export const MIGRATED_TABLES: readonly string[] = [
  'apps',
  'event_deliveries',
  'event_rules',
  'idempotency_keys',
  'import_rooms',
  'import_runs',
  'kysely_migration',
  'kysely_migration_lock',
  'memberships',
  'mutes',
  'operators',
  'rate_limits',
  'room_attributes',
  'room_events',
  'room_user_lists',
  'rooms',
  'super_admins',
  'users',
];

/** A store opened as a server process opens it: migrating its database first. */
export interface MigratedStore {
  readonly uow: UnitOfWork;
  isReady(): Promise<boolean>;
  close(): Promise<void>;
}

export interface MigrationSuiteOptions {
  /** A fresh, empty database of the store's own (dropped after the suite); null skips the suite. */
  emptyDatabase(): Promise<{ readonly url: string; drop(): Promise<void> } | null>;
  /** A kysely handle on the database, with a small pool. */
  kyselyOn(url: string): Kysely<any>;
  /** The names of the database's tables, in order. */
  tablesOf(url: string): Promise<string[]>;
  /** The tables of a migrated database, in order: `MIGRATED_TABLES` and what the dialect adds. */
  readonly tables: readonly string[];
  migrateToLatest(db: Kysely<any>): Promise<void>;
  isMigrated(db: Kysely<any>): Promise<boolean>;
  /** Opens the store on the database, with a pool of two, as a server process would. */
  open(url: string): Promise<MigratedStore>;
  /** How many instances start at once in the concurrent-start case. */
  readonly instances: number;
}

/**
 * What every SQL store's migrator must do: run twice without a change, and let several
 * instances start at once on an empty database, which it migrates exactly once. Each store runs
 * this one suite; what is particular to a store (upgrades in place, session settings) stays in
 * its own tests.
 */
export async function describeMigrations(dialect: string, options: MigrationSuiteOptions): Promise<void> {
  const probe = await options.emptyDatabase();
  const databases = probe ? [probe] : [];
  let unused = probe;
  async function emptyUrl(): Promise<string> {
    const db = unused ?? (await options.emptyDatabase())!;
    if (unused) unused = null;
    else databases.push(db);
    return db.url;
  }

  describe.skipIf(!probe)(`${dialect}: migrations`, () => {
    afterAll(() => Promise.all(databases.map((d) => d.drop())));

    it('an empty database migrated twice ends with the schema once, and the second run changes nothing', async () => {
      const url = await emptyUrl();
      const db = options.kyselyOn(url);
      try {
        expect(await options.tablesOf(url)).toEqual([]);
        await options.migrateToLatest(db);
        await options.migrateToLatest(db);
        expect(await options.isMigrated(db)).toBe(true);
        expect(await options.tablesOf(url)).toEqual(options.tables);
      } finally {
        await db.destroy();
      }
    });

    it(`${options.instances} instances starting at once on an empty database all open, and the schema is made once`, async () => {
      const url = await emptyUrl();
      const stores = await Promise.all(Array.from({ length: options.instances }, () => options.open(url)));
      try {
        for (const store of stores) expect(await store.isReady()).toBe(true);
        expect(await options.tablesOf(url)).toEqual(options.tables);
        const app = await seedApp(stores[0]!.uow);
        expect(await stores.at(-1)!.uow.read((r) => r.apps.findByName(app.org, app.name))).toEqual(app);
        expect(await stores.at(-1)!.uow.read((r) => r.apps.count())).toBe(1);
      } finally {
        await Promise.all(stores.map((s) => s.close()));
      }
      expect(await stores[0]!.isReady()).toBe(false);
    });
  });
}
