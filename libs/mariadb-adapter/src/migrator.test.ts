import { Kysely, sql } from 'kysely';
import { createConnection } from 'mysql2/promise';
import { afterAll, describe, expect, it } from 'vitest';
import { createMariadbDialect, mysqlUrl } from './mariadb-dialect.js';
import { isMigrated, migrateToLatest } from './migrator.js';
import { openMariadbAdapter } from './open-mariadb-adapter.js';
import { createTestMariadbDatabase, type TestMariadbDatabase } from './testing/create-test-database.js';
import { describeMigrations, MIGRATED_TABLES } from '@chatroom/sql-store-kit/testing';

const probe = await createTestMariadbDatabase();
const databases: TestMariadbDatabase[] = probe ? [probe] : [];
afterAll(() => Promise.all(databases.map((d) => d.drop())));

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

await describeMigrations('mariadb', {
  emptyDatabase: createTestMariadbDatabase,
  kyselyOn,
  tablesOf,
  // MariaDB lists its sequences among the tables.
  tables: [...MIGRATED_TABLES, 'mute_seq', 'room_seq'].sort(),
  migrateToLatest,
  isMigrated,
  open: (url) => openMariadbAdapter({ databaseUrl: url, poolSize: 2 }),
  instances: 5,
});

describe.skipIf(!probe)('mariadb: sessions', () => {
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
