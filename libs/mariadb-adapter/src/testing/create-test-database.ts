import { randomBytes } from 'node:crypto';
import { createConnection } from 'mysql2/promise';
import { mysqlUrl } from '../mariadb-dialect.js';

export interface TestMariadbDatabase {
  /** mysql://… of a fresh, empty database that belongs to this caller alone. */
  url: string;
  /** Drops the database; safe to call twice. */
  drop(): Promise<void>;
}

/**
 * A throwaway MariaDB database for tests, with a unique name, on the server of
 * TEST_MARIADB_URL (e.g. mysql://root@127.0.0.1:3306/test). Unset → null, after one console
 * line saying why the MariaDB cases are skipped; set but unreachable → throws (CI sets the
 * variable precisely so that these cases never skip silently).
 */
export async function createTestMariadbDatabase(): Promise<TestMariadbDatabase | null> {
  const serverUrl = process.env['TEST_MARIADB_URL'];
  if (!serverUrl) {
    warnOnce();
    return null;
  }
  const name = `chatroom_test_${process.pid}_${randomBytes(5).toString('hex')}`;
  await withConnection(serverUrl, (c) =>
    c.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_nopad_bin`),
  );
  const url = new URL(mysqlUrl(serverUrl));
  url.pathname = `/${name}`;
  let dropped: Promise<unknown> | undefined;
  return {
    url: url.toString(),
    async drop() {
      dropped ??= withConnection(serverUrl, (c) => c.query(`DROP DATABASE IF EXISTS \`${name}\``));
      await dropped;
    },
  };
}

let warned = false;
function warnOnce(): void {
  if (warned) return;
  warned = true;
  console.warn('MariaDB test cases skipped: TEST_MARIADB_URL is not set (e.g. mysql://root@127.0.0.1:3306/test).');
}

async function withConnection<T>(
  url: string,
  work: (c: Awaited<ReturnType<typeof createConnection>>) => Promise<T>,
): Promise<T> {
  const connection = await createConnection({ uri: mysqlUrl(url) });
  try {
    return await work(connection);
  } finally {
    await connection.end();
  }
}
