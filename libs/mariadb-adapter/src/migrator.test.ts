import { Kysely, sql } from 'kysely';
import { createConnection } from 'mysql2/promise';
import { afterAll, describe, expect, it } from 'vitest';
import { createMariadbDialect, mysqlUrl } from './mariadb-dialect.js';
import { isMigrated, migrateToLatest } from './migrator.js';
import { openMariadbAdapter } from './open-mariadb-adapter.js';
import { createTestMariadbDatabase, type TestMariadbDatabase } from './testing/create-test-database.js';
import { seedApp } from '@chatroom/sql-store-kit/testing';

const probe = await createTestMariadbDatabase();
const databases: TestMariadbDatabase[] = probe ? [probe] : [];
afterAll(() => Promise.all(databases.map((d) => d.drop())));

async function emptyDatabase(): Promise<TestMariadbDatabase> {
  const db = (await createTestMariadbDatabase())!;
  databases.push(db);
  return db;
}

function kyselyOn(url: string): Kysely<any> {
  return new Kysely({ dialect: createMariadbDialect(url, 2) });
}

async function tablesOf(url: string): Promise<string[]> {
  const connection = await createConnection({ uri: mysqlUrl(url) });
  try {
    const [rows] = await connection.query(
      `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = database() ORDER BY 1`,
    );
    return (rows as { name: string }[]).map((r) => r.name).sort();
  } finally {
    await connection.end();
  }
}

const TABLES = [
  'apps',
  'event_deliveries',
  'event_rules',
  'idempotency_keys',
  'import_rooms',
  'import_runs',
  'kysely_migration',
  'kysely_migration_lock',
  'memberships',
  'mute_seq',
  'mutes',
  'operators',
  'rate_limits',
  'room_attributes',
  'room_events',
  'room_seq',
  'room_user_lists',
  'rooms',
  'super_admins',
  'users',
];

describe.skipIf(!probe)('mariadb: migrations and sessions', () => {
  it('an empty database migrated twice ends with the schema once, and the second run changes nothing', async () => {
    const { url } = await emptyDatabase();
    const db = kyselyOn(url);
    try {
      expect(await tablesOf(url)).toEqual([]);
      await migrateToLatest(db);
      await migrateToLatest(db);
      expect(await isMigrated(db)).toBe(true);
      expect(await tablesOf(url)).toEqual(TABLES);
    } finally {
      await db.destroy();
    }
  });

  it('five instances starting at once on an empty database all come up, and migrate it once', async () => {
    const { url } = await emptyDatabase();
    const adapters = await Promise.all(
      Array.from({ length: 5 }, () => openMariadbAdapter({ databaseUrl: url, poolSize: 2 })),
    );
    try {
      for (const adapter of adapters) expect(await adapter.isReady()).toBe(true);
      expect(await tablesOf(url)).toEqual(TABLES);
      await seedApp(adapters[0]!.uow);
      expect(await adapters[4]!.uow.read((r) => r.apps.count())).toBe(1);
    } finally {
      await Promise.all(adapters.map((a) => a.close()));
    }
    expect(await adapters[0]!.isReady()).toBe(false);
  });

  it('every connection runs READ COMMITTED, strict, utf8mb4 with the binary no-pad collation', async () => {
    const db = kyselyOn(probe!.url);
    try {
      const row = await sql<Record<string, string>>`
        SELECT @@tx_isolation AS isolation, @@sql_mode AS mode, @@collation_connection AS collation,
               @@innodb_lock_wait_timeout AS lock_wait`.execute(db);
      expect(row.rows[0]).toMatchObject({ isolation: 'READ-COMMITTED', collation: 'utf8mb4_nopad_bin', lock_wait: 8 });
      expect(row.rows[0]!['mode']).toContain('STRICT_ALL_TABLES');
    } finally {
      await db.destroy();
    }
  });
});
