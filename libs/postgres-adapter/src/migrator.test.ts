import { roomEvents, type UserId } from '@chatroom/domain';
import { Kysely, Migrator, PostgresDialect, sql } from 'kysely';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { initialMigration } from './migrations/0001-initial.js';
import { moderationMigration } from './migrations/0002-moderation.js';
import { tenantAdminMigration } from './migrations/0003-tenant-admin.js';
import { rateLimitsMigration } from './migrations/0004-rate-limits.js';
import { eventsMigration } from './migrations/0006-events.js';
import { isMigrated, migrateToLatest } from './migrator.js';
import { openPostgresAdapter } from './open-postgres-adapter.js';
import { createTestDatabase, type TestDatabase } from './testing/create-test-database.js';
import { describeMigrations, MIGRATED_TABLES, seedApp } from '@chatroom/sql-store-kit/testing';

const probe = await createTestDatabase();
const databases: TestDatabase[] = probe ? [probe] : [];
afterAll(() => Promise.all(databases.map((d) => d.drop())));

async function emptyDatabase(): Promise<TestDatabase> {
  const db = (await createTestDatabase())!;
  databases.push(db);
  return db;
}

function kyselyOn(url: string): Kysely<any> {
  return new Kysely({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url, max: 2 }) }) });
}

async function tablesOf(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string }>(
      `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`,
    );
    return rows.map((r) => r.name);
  } finally {
    await client.end();
  }
}

await describeMigrations('postgres', {
  emptyDatabase: createTestDatabase,
  kyselyOn,
  tablesOf,
  tables: MIGRATED_TABLES,
  migrateToLatest,
  isMigrated,
  open: (url) => openPostgresAdapter({ databaseUrl: url, poolSize: 2 }),
  instances: 4,
});

describe.skipIf(!probe)('postgres: migration history and upgrades in place', () => {
  it('a migrated database records each migration once, by name', async () => {
    const { url } = await emptyDatabase();
    const db = kyselyOn(url);
    try {
      await migrateToLatest(db);
      await migrateToLatest(db);
      expect(await db.selectFrom('kysely_migration').select('name').orderBy('name').execute()).toEqual([
        { name: '0001-initial' },
        { name: '0002-moderation' },
        { name: '0003-tenant-admin' },
        { name: '0004-rate-limits' },
        { name: '0006-events' },
        { name: '0007-event-member-count' },
        { name: '0008-delivery-queue-storage' },
        { name: '0010-operators' },
        { name: '0011-import-progress' },
        { name: '0012-guarded-commands' },
      ]);
    } finally {
      await db.destroy();
    }
  });

  it('a database with data at 0001 upgrades in place: its rooms keep everything and get an empty announcement', async () => {
    const { url } = await emptyDatabase();
    const db = kyselyOn(url);
    const appId = '00000000-0000-4000-8000-000000000001';
    try {
      const onlyFirst = { getMigrations: async () => ({ '0001-initial': initialMigration }) };
      expect((await new Migrator({ db, provider: onlyFirst }).migrateToLatest()).error).toBeUndefined();
      for (const statement of [
        `INSERT INTO apps (id, org, name, client_id, client_secret_hash, token_key, room_quota, joined_room_cap,
           max_users_ceiling, custom_room_ids, room_count, created) VALUES ('${appId}', 'o', 'a', 'c', 'h', 'k', 10, 10, 100, true, 1, 0)`,
        `INSERT INTO users (app_id, username, uuid, password_hash, joined_count, created, modified)
           VALUES ('${appId}', 'alice', gen_random_uuid(), 'h', 1, 0, 0)`,
        `INSERT INTO rooms (app_id, id, seq, name, description, max_users, owner, custom, created, member_count)
           VALUES ('${appId}', '7', 7, 'old', 'd', 5, 'alice', '', 0, 1)`,
        `INSERT INTO memberships (app_id, room_id, username, role) VALUES ('${appId}', '7', 'alice', 'owner')`,
      ]) {
        await sql.raw(statement).execute(db);
      }
    } finally {
      await db.destroy();
    }
    const adapter = await openPostgresAdapter({ databaseUrl: url }); // migrates to the latest
    try {
      await adapter.uow.read(async (r) => {
        expect(await r.chatrooms.announcement(appId, '7')).toBe('');
        expect(await r.chatrooms.findById(appId, '7')).toMatchObject({ name: 'old', owner: 'alice', memberCount: 1 });
        expect(await r.memberships.listPage(appId, '7', 0, 10)).toEqual([{ username: 'alice', role: 'owner' }]);
        // 0003: the app keeps its (clear, until the service seals it) key, at generation 0, limits off.
        expect(await r.apps.findByName('o', 'a')).toMatchObject({
          tokenKey: 'k',
          keyGeneration: 0,
          settings: { rateLimit: 'off' },
        });
      });
    } finally {
      await adapter.close();
    }
  });

  it('a database with events at 0006 upgrades in place: old events read back without a count, new ones keep theirs', async () => {
    const { url } = await emptyDatabase();
    const db = kyselyOn(url);
    const upTo0006 = {
      getMigrations: async () => ({
        '0001-initial': initialMigration,
        '0002-moderation': moderationMigration,
        '0003-tenant-admin': tenantAdminMigration,
        '0004-rate-limits': rateLimitsMigration,
        '0006-events': eventsMigration,
      }),
    };
    const appId = '00000000-0000-4000-8000-000000000006';
    try {
      expect(
        (await new Migrator({ db, provider: upTo0006, allowUnorderedMigrations: true }).migrateToLatest()).error,
      ).toBeUndefined();
      for (const statement of [
        `INSERT INTO apps (id, org, name, client_id, client_secret_hash, token_key, room_quota, joined_room_cap,
           max_users_ceiling, custom_room_ids, room_count, created) VALUES ('${appId}', 'o', 'a', 'c', 'h', 'k', 10, 10, 100, true, 0, 0)`,
        `INSERT INTO room_events (app_id, org, app, room_id, operation, operator, payload, created_at)
           VALUES ('${appId}', 'o', 'a', '7', 'JOIN', '@ppAdmin', '{"member":["old"],"type":"DIRECT"}', 1)`,
      ]) {
        await sql.raw(statement).execute(db);
      }
    } finally {
      await db.destroy();
    }
    const upgraded = await openPostgresAdapter({ databaseUrl: url }); // migrates to the latest
    try {
      const app = (await upgraded.uow.read((r) => r.apps.findByName('o', 'a')))!;
      await upgraded.uow.write(async (r) => r.events.append(...roomEvents.joined(app, '7', ['new' as UserId], 2)));
      const trail = await upgraded.uow.read((r) => r.eventLog.roomPage(appId, '7', 10));
      expect(trail.map((e) => [e.payload?.['member'], e.memberCount])).toEqual([
        [['new'], 2],
        [['old'], undefined],
      ]);
      expect(trail[1]).not.toHaveProperty('memberCount');
    } finally {
      await upgraded.close();
    }
  });

  it('isReady is false, without throwing, once the database is gone or the adapter closed', async () => {
    const database = await emptyDatabase();
    const adapter = await openPostgresAdapter({ databaseUrl: database.url });
    expect(await adapter.isReady()).toBe(true);
    await database.drop();
    expect(await adapter.isReady()).toBe(false);
    await adapter.close();
    expect(await adapter.isReady()).toBe(false);
  });

  it('isReady answers false within seconds when no connection can be had, rather than hanging', async () => {
    const { url } = await emptyDatabase();
    const adapter = await openPostgresAdapter({ databaseUrl: url, poolSize: 1 });
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const holder = adapter.uow.write(() => held); // takes the pool's only connection
    try {
      const started = Date.now();
      expect(await adapter.isReady()).toBe(false);
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      release();
      await holder;
      expect(await adapter.isReady()).toBe(true);
      await adapter.close();
    }
  });
});

describe('pglite: migrations', () => {
  it('a data directory keeps its data across restarts, and migrating it again changes nothing', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'chatroom-pglite-'));
    try {
      const first = await openPostgresAdapter({ dataDir });
      expect(first.kind).toBe('pglite');
      const app = await seedApp(first.uow);
      const id = await first.ids.next();
      await first.close();

      const second = await openPostgresAdapter({ dataDir });
      try {
        expect(await second.isReady()).toBe(true);
        expect(await second.uow.read((r) => r.apps.findByName(app.org, app.name))).toEqual(app);
        expect(await second.ids.next()).toBeGreaterThan(id);
      } finally {
        await second.close();
      }
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
