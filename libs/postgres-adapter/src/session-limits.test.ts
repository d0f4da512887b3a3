import { UnavailableError, type App } from '@chatroom/domain';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATION_LOCK_KEY } from './migrator.js';
import { openPostgresAdapter, type PostgresAdapter } from './open-postgres-adapter.js';
import { seedApp } from '@chatroom/sql-store-kit/testing';
import { createTestDatabase } from './testing/create-test-database.js';

const db = await createTestDatabase();

const SHORT = { statementTimeoutMs: 10_000, lockTimeoutMs: 300, idleInTransactionTimeoutMs: 10_000 };

/**
 * The server-side limits of pooled sessions, against the real server: a lock held by someone
 * else ends the wait within lock_timeout, a statement is cancelled at statement_timeout, and a
 * session that pauses inside its transaction is killed and its locks released. Migrations run
 * on a session of their own with far longer limits.
 */
describe.skipIf(!db)('postgres: server-side session limits', () => {
  const opened: PostgresAdapter[] = [];
  const clients: pg.Client[] = [];
  let app: App;

  async function open(limits: typeof SHORT) {
    const adapter = await openPostgresAdapter({ databaseUrl: db!.url, poolSize: 2, sessionLimits: limits });
    opened.push(adapter);
    return adapter;
  }

  /** Another session (as another process would have), with no limits of ours. */
  async function otherSession() {
    const client = new pg.Client({ connectionString: db!.url });
    await client.connect();
    clients.push(client);
    return client;
  }

  beforeAll(async () => {
    app = await seedApp((await open(SHORT)).uow);
  });
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.end().catch(() => {})));
  });
  afterAll(async () => {
    await Promise.all(opened.map((a) => a.close()));
    await db?.drop();
  });

  /** A unit of work that writes the app row (as the token and admin paths do). */
  const touchApp = (adapter: PostgresAdapter) => adapter.uow.write((r) => r.apps.upsert(app));

  it('a write that waits for a row lock held by another session fails as unavailable within lock_timeout', async () => {
    const adapter = await open(SHORT);
    const holder = await otherSession();
    await holder.query('BEGIN');
    await holder.query('SELECT 1 FROM apps WHERE id = $1 FOR UPDATE', [app.id]);
    const started = Date.now();
    const outcome = await touchApp(adapter).catch((error: unknown) => error);
    const waited = Date.now() - started;
    expect(outcome).toBeInstanceOf(UnavailableError);
    expect(waited).toBeGreaterThanOrEqual(250);
    expect(waited).toBeLessThan(2_000);
    await holder.query('ROLLBACK');
    // The pooled connection is fine afterwards.
    expect(await touchApp(adapter)).toMatchObject({ id: app.id });
  });

  it('a statement running past statement_timeout is cancelled by the server, and reported as unavailable', async () => {
    const adapter = await open({ statementTimeoutMs: 300, lockTimeoutMs: 0, idleInTransactionTimeoutMs: 10_000 });
    const holder = await otherSession();
    await holder.query('BEGIN');
    await holder.query('LOCK TABLE apps IN ACCESS EXCLUSIVE MODE');
    const started = Date.now();
    const outcome = await adapter.uow.read((r) => r.apps.count()).catch((error: unknown) => error);
    expect(outcome).toBeInstanceOf(UnavailableError);
    expect(Date.now() - started).toBeLessThan(2_000);
    await holder.query('ROLLBACK');
    expect(await adapter.uow.read((r) => r.apps.count())).toBeGreaterThanOrEqual(1);
  });

  it('a unit of work that pauses inside its transaction is killed, and its row lock is free for others at once', async () => {
    const adapter = await open({ statementTimeoutMs: 10_000, lockTimeoutMs: 5_000, idleInTransactionTimeoutMs: 300 });
    let markLocked!: () => void;
    const locked = new Promise<void>((resolve) => (markLocked = resolve));
    // Takes the app row's lock, then stalls (as a caller that hangs mid-transaction would).
    const stalled = adapter.uow
      .write(async (r) => {
        await r.apps.upsert(app);
        markLocked();
        await sleep(3_000);
        return r.apps.count();
      })
      .catch((error: unknown) => error);
    await locked;
    const other = await otherSession();
    const started = Date.now();
    await other.query('UPDATE apps SET room_quota = room_quota WHERE id = $1', [app.id]);
    // Freed by the server after ≈ 300 ms, long before the stalled unit wakes up.
    expect(Date.now() - started).toBeLessThan(2_000);
    const killed = await other.query(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND state = 'idle in transaction'`,
    );
    expect(killed.rows[0].n).toBe(0);
    expect(await stalled).toBeInstanceOf(UnavailableError);
  });

  it('an instance starting while another holds the migration lock waits for it, past the pool limits', async () => {
    const holder = await otherSession();
    await holder.query(`SELECT pg_advisory_lock(${MIGRATION_LOCK_KEY})`);
    const started = Date.now();
    const opening = open({ statementTimeoutMs: 200, lockTimeoutMs: 200, idleInTransactionTimeoutMs: 200 });
    await sleep(1_200);
    await holder.query(`SELECT pg_advisory_unlock(${MIGRATION_LOCK_KEY})`);
    const adapter = await opening;
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_200);
    expect(await adapter.isReady()).toBe(true);
  });

  it('with a short migration timeout, that wait ends in a clear unavailable error instead', async () => {
    const holder = await otherSession();
    await holder.query(`SELECT pg_advisory_lock(${MIGRATION_LOCK_KEY})`);
    const outcome = await openPostgresAdapter({ databaseUrl: db!.url, migrationTimeoutMs: 300 }).catch(
      (e: unknown) => e,
    );
    expect(outcome).toBeInstanceOf(UnavailableError);
  });
});
