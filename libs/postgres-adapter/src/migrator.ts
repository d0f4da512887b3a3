import { Migrator, sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import { initialMigration } from './migrations/0001-initial.js';
import { moderationMigration } from './migrations/0002-moderation.js';
import { tenantAdminMigration } from './migrations/0003-tenant-admin.js';
import { rateLimitsMigration } from './migrations/0004-rate-limits.js';
import { eventsMigration } from './migrations/0006-events.js';
import { eventMemberCountMigration } from './migrations/0007-event-member-count.js';
import { deliveryQueueStorageMigration } from './migrations/0008-delivery-queue-storage.js';
import { operatorsMigration } from './migrations/0010-operators.js';
import { importProgressMigration } from './migrations/0011-import-progress.js';
import { guardedCommandsMigration } from './migrations/0012-guarded-commands.js';

/**
 * Every migration, in order. Names sort in the order they must run; numbers are reserved per
 * change in flight, so a database may have run 0006 before 0003 lands (allowUnorderedMigrations).
 */
const migrations: Record<string, Migration> = {
  '0001-initial': initialMigration,
  '0002-moderation': moderationMigration,
  '0003-tenant-admin': tenantAdminMigration,
  '0004-rate-limits': rateLimitsMigration,
  '0006-events': eventsMigration,
  '0007-event-member-count': eventMemberCountMigration,
  '0008-delivery-queue-storage': deliveryQueueStorageMigration,
  '0010-operators': operatorsMigration,
  '0011-import-progress': importProgressMigration,
  '0012-guarded-commands': guardedCommandsMigration,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

/** An arbitrary constant naming our advisory lock ("chatroom" in ASCII). */
export const MIGRATION_LOCK_KEY = 0x63686174726f6f6dn;

/**
 * Brings the schema up to date; running it again, or from several instances at once, is
 * harmless. kysely's Migrator locks only around the migrations themselves and creates its own
 * bookkeeping tables before that; we hold a session advisory lock on one connection around
 * the whole run so that concurrent starts never race even there.
 */
export async function migrateToLatest(db: Kysely<any>): Promise<void> {
  await db.connection().execute(async (conn) => {
    await sql`SELECT pg_advisory_lock(${sql.lit(MIGRATION_LOCK_KEY)})`.execute(conn);
    try {
      const { error } = await new Migrator({ db: conn, provider, allowUnorderedMigrations: true }).migrateToLatest();
      if (error) throw error;
    } finally {
      await sql`SELECT pg_advisory_unlock(${sql.lit(MIGRATION_LOCK_KEY)})`.execute(conn);
    }
  });
}

/** The names of this build's migrations, in order. */
export function migrationNames(): string[] {
  return Object.keys(migrations);
}

/** Whether every migration of this build has run. */
export async function isMigrated(db: Kysely<any>): Promise<boolean> {
  const done = await db
    .selectFrom('kysely_migration')
    .select(sql<number>`count(*)`.as('n'))
    .where('name', 'in', Object.keys(migrations))
    .executeTakeFirstOrThrow();
  return Number(done.n) === Object.keys(migrations).length;
}
