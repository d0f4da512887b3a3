import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { SERVICE_BUNDLE } from '../testing/bundles.js';
import { TEST_MASTER_KEY, TEST_METRICS_TOKEN } from '../testing/http-harness.js';
import { spawnAdmin } from '../testing/spawn-admin.js';

const SERVERS = [
  {
    store: 'PostgreSQL',
    url: process.env['TEST_DATABASE_URL'],
    fix: (host: string, port: string, name: string) =>
      `Create it first: createdb -h ${host} -p ${port} -U postgres ${name}`,
  },
  {
    store: 'MariaDB',
    url: process.env['TEST_MARIADB_URL'],
    fix: (host: string, port: string, name: string) =>
      `Create it first: mariadb -h ${host} -P ${port} -u root -p -e 'CREATE DATABASE \`${name}\`'`,
  },
];

/** The server's URL with a database name nobody created. */
function missingDatabaseUrl(serverUrl: string): { url: string; sentence: string; fix: string } {
  const url = new URL(serverUrl);
  const name = `chatroom_missing_${process.pid}`;
  url.pathname = `/${name}`;
  const port = url.port || (url.protocol === 'postgres:' || url.protocol === 'postgresql:' ? '5432' : '3306');
  return {
    url: url.toString(),
    sentence: `The database "${name}" does not exist on ${url.hostname}:${port}.`,
    fix: `${url.hostname}|${port}|${name}`,
  };
}

for (const server of SERVERS) {
  if (!server.url) console.warn(`Missing-database tests on ${server.store} skipped: no TEST_*_URL for it.`);
  describe.skipIf(!server.url)(`a DATABASE_URL naming a database that does not exist, on ${server.store}`, () => {
    it('the service exits 1 with one log line naming the database and the command that creates it', async () => {
      const missing = missingDatabaseUrl(server.url!);
      const [host, port, name] = missing.fix.split('|') as [string, string, string];
      const child = spawn(process.execPath, [SERVICE_BUNDLE], {
        env: {
          ...process.env,
          PORT: '0',
          HOST: '127.0.0.1',
          DATABASE_URL: missing.url,
          TOKEN_MASTER_KEY: TEST_MASTER_KEY,
          METRICS_TOKEN: TEST_METRICS_TOKEN,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      child.stdout.on('data', (chunk) => (stdout += chunk));
      const [code] = await once(child, 'exit');
      expect(code).toBe(1);
      const fatal = stdout
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as { level: number; msg: string; err?: unknown });
      expect(fatal).toEqual([
        expect.objectContaining({
          level: 60,
          msg: `could not start: ${missing.sentence} ${server.fix(host, port, name)}`,
        }),
      ]);
      expect(fatal[0]!.err).toBeUndefined();
    }, 60_000);

    it('the admin CLI exits 1 with the same sentence', async () => {
      const missing = missingDatabaseUrl(server.url!);
      const [host, port, name] = missing.fix.split('|') as [string, string, string];
      const r = await spawnAdmin(['apps', 'list'], { DATABASE_URL: missing.url });
      expect(r).toMatchObject({
        code: 1,
        stdout: '',
        stderr: `error: ${missing.sentence} ${server.fix(host, port, name)}\n`,
      });
    }, 60_000);
  });
}
