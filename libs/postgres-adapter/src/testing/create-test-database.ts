import { randomBytes } from 'node:crypto';
import pg from 'pg';

export interface TestDatabase {
  /** postgres://… of a fresh, empty database that belongs to this caller alone. */
  url: string;
  /** Drops the database, even with connections still open; safe to call twice. */
  drop(): Promise<void>;
}

/**
 * A throwaway PostgreSQL database for tests, with a unique name, on:
 * - the server of TEST_DATABASE_URL when set (an unreachable server throws: CI sets the variable
 *   precisely so that PostgreSQL cases never skip silently);
 * - else a PostgreSQL 15 container, started once per process (or once per run, see
 *   setupTestDatabaseServer), when a Docker engine answers (testcontainers' reaper removes it
 *   when the process ends);
 * - else null, after one console line saying why the PostgreSQL cases are skipped.
 */
export async function createTestDatabase(): Promise<TestDatabase | null> {
  if (process.env[NO_SERVER] && !process.env['TEST_DATABASE_URL']) return null; // the global setup said why
  const serverUrl = process.env['TEST_DATABASE_URL'] || (await containerServerUrl());
  return serverUrl ? createDatabaseOn(serverUrl) : null;
}

/** Set by the global setup when there is no server, so that test files skip without saying it again. */
const NO_SERVER = 'CHATROOM_NO_TEST_DATABASE_SERVER';

/**
 * A vitest `globalSetup`: finds the PostgreSQL server once per test run rather than once per
 * test file. Without TEST_DATABASE_URL it starts the container here and hands its URL to every
 * worker through TEST_DATABASE_URL, or prints the skip line once. Workers inherit the
 * environment it leaves.
 */
export async function setupTestDatabaseServer(): Promise<() => Promise<void>> {
  if (process.env['TEST_DATABASE_URL']) return async () => {};
  const serverUrl = await containerServerUrl();
  if (serverUrl) process.env['TEST_DATABASE_URL'] = serverUrl;
  else process.env[NO_SERVER] = '1';
  return async () => {
    await stopContainer?.();
  };
}

async function createDatabaseOn(serverUrl: string): Promise<TestDatabase> {
  const name = `chatroom_test_${process.pid}_${randomBytes(5).toString('hex')}`;
  await withClient(serverUrl, (client) => client.query(`CREATE DATABASE "${name}"`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  let dropped: Promise<unknown> | undefined;
  return {
    url: url.toString(),
    async drop() {
      // FORCE: a test that failed half-way may have left a pool open.
      dropped ??= withClient(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
      await dropped;
    },
  };
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

let container: Promise<string | null> | undefined;
let stopContainer: (() => Promise<unknown>) | undefined;

function containerServerUrl(): Promise<string | null> {
  container ??= startContainer();
  return container;
}

async function startContainer(): Promise<string | null> {
  // Imported lazily: testcontainers is a dev dependency and slow to load.
  const { getContainerRuntimeClient } = await import('testcontainers');
  try {
    await getContainerRuntimeClient();
  } catch {
    console.warn(
      'PostgreSQL test cases skipped: TEST_DATABASE_URL is not set and no Docker engine answers (PGlite cases still run).',
    );
    return null;
  }
  const { PostgreSqlContainer } = await import('@testcontainers/postgresql');
  const started = await new PostgreSqlContainer('postgres:15-alpine').start();
  stopContainer = () => started.stop();
  return started.getConnectionUri();
}
