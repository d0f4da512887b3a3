import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase } from '@chatroom/postgres-adapter/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { spawnAdmin } from '../testing/spawn-admin.js';
import { spawnService } from '../testing/spawn-service.js';

const db = await createTestDatabase();
if (!db) console.warn('Admin CLI tests on PostgreSQL skipped: no TEST_DATABASE_URL and no Docker engine.');
afterAll(() => db?.drop());

const APP = ['--org', 'cli', '--app', 'chat'];

describe.skipIf(!db)('the admin CLI as a process, on PostgreSQL', () => {
  it('creates an app (JSON on stdout, exit 0), shows it, and refuses it a second time (exit 1, one sentence)', async () => {
    const created = await spawnAdmin(['apps', 'create', ...APP, '--rate-limit', 'easemob'], { DATABASE_URL: db!.url });
    expect(created.code).toBe(0);
    expect(JSON.parse(created.stdout)).toEqual({
      org: 'cli',
      app: 'chat',
      client_id: expect.any(String),
      client_secret: expect.any(String),
    });
    const shown = await spawnAdmin(['apps', 'show', ...APP, '--table'], { DATABASE_URL: db!.url });
    expect(shown.code).toBe(0);
    expect(shown.stdout).toMatch(/^rate_limit\s+easemob$/m);
    const again = await spawnAdmin(['apps', 'create', ...APP], { DATABASE_URL: db!.url });
    expect(again).toMatchObject({ code: 1, stdout: '', stderr: 'error: The app cli/chat already exists.\n' });
  }, 60_000);

  it('bad usage exits 2 with the usage line, before touching the database', async () => {
    const r = await spawnAdmin(['apps', 'delete', ...APP], { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Usage: admin apps delete [options]');
  }, 60_000);

  it('refuses to start without TOKEN_MASTER_KEY on PostgreSQL: exit 1, naming it and how to make one', async () => {
    const r = await spawnAdmin(['apps', 'list'], { DATABASE_URL: db!.url, TOKEN_MASTER_KEY: '' });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      "error: TOKEN_MASTER_KEY must be set when DATABASE_URL is: it seals the apps' token keys; give it 32 or more random bytes in hex or base64 (make one with: openssl rand -hex 32)\n",
    );
  }, 60_000);

  it('refuses a wrong master key for this database: exit 1, nothing listed', async () => {
    const r = await spawnAdmin(['apps', 'list'], { DATABASE_URL: db!.url, TOKEN_MASTER_KEY: 'ee'.repeat(32) });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(
      /^error: TOKEN_MASTER_KEY does not open the token keys stored for \d+ app\(s\) \(.*cli\/chat.*\): it is not the master key they were sealed with\.\n$/,
    );
  }, 60_000);

  it('an unreachable database: exit 1, one sentence without the password', async () => {
    const r = await spawnAdmin(['apps', 'list'], { DATABASE_URL: 'postgres://admin:hunter2@127.0.0.1:1/chat' });
    expect(r).toMatchObject({
      code: 1,
      stdout: '',
      stderr: 'error: The database cannot be reached (DATABASE_URL host 127.0.0.1:1, database chat).\n',
    });
  }, 60_000);
});

describe('the admin CLI on embedded PGlite', () => {
  it('refuses while the service holds the data directory, and works once it has stopped', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'chatroom-admin-'));
    try {
      const service = await spawnService({ DATA_DIR: dataDir, TOKEN_MASTER_KEY: '' });
      let refused;
      try {
        refused = await spawnAdmin(['apps', 'list'], { DATA_DIR: dataDir, TOKEN_MASTER_KEY: '' });
      } finally {
        expect(await service.stop()).toBe(0);
      }
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(
        /^error: The data directory .* is in use by another running process \(pid \d+, lock file .*\)\. Stop that process, or give this one another data directory or a DATABASE_URL\.\n$/,
      );
      // The service made the development app and the master key file; the CLI reads both.
      const listed = await spawnAdmin(['apps', 'list'], { DATA_DIR: dataDir, TOKEN_MASTER_KEY: '' });
      expect(listed.code).toBe(0);
      expect(JSON.parse(listed.stdout).map((a: { org: string; app: string }) => `${a.org}/${a.app}`)).toEqual([
        'dev/app',
      ]);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});
