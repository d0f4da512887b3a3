import { Migrator, sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import { initialMigration } from './migrations/0001-initial.js';
import { rateLimitMigration } from './migrations/0002-rate-limit.js';
import { keyGenerationMigration } from './migrations/0003-key-generation.js';
import { eventsMigration } from './migrations/0004-events.js';
import { eventMemberCountMigration } from './migrations/0005-event-member-count.js';
import { eventDeliveryMigration } from './migrations/0006-event-delivery.js';
import { rateLimitsMigration } from './migrations/0007-rate-limits.js';
import { deliveryDueIndexMigration } from './migrations/0008-delivery-due-index.js';
import { operatorsMigration } from './migrations/0010-operators.js';
import { importProgressMigration } from './migrations/0011-import-progress.js';

/** Every migration, in order. Names sort in the order they must run. */
const migrations: Record<string, Migration> = {
  '0001-initial': initialMigration,
  '0002-rate-limit': rateLimitMigration,
  '0003-key-generation': keyGenerationMigration,
  '0004-events': eventsMigration,
  '0005-event-member-count': eventMemberCountMigration,
  '0006-event-delivery': eventDeliveryMigration,
  '0007-rate-limits': rateLimitsMigration,
  '0008-delivery-due-index': deliveryDueIndexMigration,
  '0010-operators': operatorsMigration,
  '0011-import-progress': importProgressMigration,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

/** The name of our advisory lock; GET_LOCK names are server-wide, so it carries the database's name. */
const lockName = sql`concat('chatroom-migrations:', database())`;
/** Seconds one GET_LOCK call waits; kept below the query timeout, and tried again up to the limit. */
const LOCK_WAIT_SECONDS = 5;
const LOCK_ATTEMPTS = 24;

/**
 * Brings the schema up to date; running it again, or from several instances at once, is
 * harmless. kysely's Migrator (which runs MySQL migrations without a transaction, as DDL
 * commits implicitly) takes its own GET_LOCK only around the migrations and creates its
 * bookkeeping tables before that; we hold a session lock on one connection (GET_LOCK, released
 * by RELEASE_LOCK or when the session ends) around the whole run so that concurrent starts
 * never race even there.
 */
export async function migrateToLatest(db: Kysely<any>): Promise<void> {
  await db.connection().execute(async (conn) => {
    await assertSupportedServer(conn);
    await acquireLock(conn);
    try {
      const { error } = await new Migrator({ db: conn, provider }).migrateToLatest();
      if (error) throw error;
    } finally {
      await sql`SELECT RELEASE_LOCK(${lockName})`.execute(conn);
    }
  });
}

/**
 * MariaDB 10.6 or later: INSERT/DELETE … RETURNING and sequences, which MySQL lacks, and
 * SKIP LOCKED (10.6), which the delivery queue's claim needs. Said at
 * start-up in one line rather than as a syntax error from the first migration.
 */
async function assertSupportedServer(conn: Kysely<any>): Promise<void> {
  const { rows } = await sql<{ version: string }>`SELECT version() AS version`.execute(conn);
  const version = rows[0]?.version ?? '';
  const [major = 0, minor = 0] = (/^(\d+)\.(\d+)/.exec(version) ?? []).slice(1).map(Number);
  if (!/mariadb/i.test(version) || major < 10 || (major === 10 && minor < 6)) {
    throw new Error(
      `the MariaDB store needs MariaDB 10.6 or later; the server at DATABASE_URL is ${version || 'unknown'}`,
    );
  }
}

async function acquireLock(conn: Kysely<any>): Promise<void> {
  for (let attempt = 1; attempt <= LOCK_ATTEMPTS; attempt++) {
    const { rows } = await sql<{
      got: number | null;
    }>`SELECT GET_LOCK(${lockName}, ${sql.lit(LOCK_WAIT_SECONDS)}) AS got`.execute(conn);
    if (Number(rows[0]?.got) === 1) return;
  }
  throw new Error('another instance has held the migration lock for too long');
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
