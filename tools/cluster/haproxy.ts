import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { spawnDetached, type ProcessRecord } from './local-process.js';
import type { PatroniNodeSpec } from './patroni-node.js';
import { renderDeployTemplate } from './template.js';
import { waitUntil } from './wait-until.js';

/** HAProxy in front of the Patroni nodes (deploy/haproxy/haproxy.cfg): one port, always the primary. */
export async function startHaproxy(
  dir: string,
  port: number,
  nodes: readonly PatroniNodeSpec[],
): Promise<ProcessRecord> {
  const home = join(dir, 'haproxy');
  mkdirSync(home, { recursive: true });
  const configFile = join(home, 'haproxy.cfg');
  const servers = nodes.map((n) => `    server ${n.name} 127.0.0.1:${n.pgPort} check port ${n.restPort}`).join('\n');
  writeFileSync(
    configFile,
    renderDeployTemplate('haproxy/haproxy.cfg', {
      HAPROXY_ADDRESS: '127.0.0.1',
      HAPROXY_PORT: port,
      HAPROXY_SERVERS: servers,
    }),
  );
  return spawnHaproxy(dir);
}

/** HAProxy on the configuration startHaproxy wrote (first start, or a restart). */
export function spawnHaproxy(dir: string): Promise<ProcessRecord> {
  // -db: stay in the foreground, so the recorded pid is the one that serves.
  const configFile = join(dir, 'haproxy', 'haproxy.cfg');
  return spawnDetached({
    name: 'haproxy',
    command: 'haproxy',
    args: ['-db', '-f', configFile],
    logFile: join(dir, 'logs', 'haproxy.log'),
  });
}

/** Whether `url` reaches a writable PostgreSQL (the primary) right now. */
export async function reachesPrimary(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    const { rows } = await client.query<{ writable: boolean }>('SELECT NOT pg_is_in_recovery() AS writable');
    return rows[0]!.writable;
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * Waits until HAProxy sends every connection to the primary. At start-up HAProxy deems every
 * server up until its checks say otherwise (≈ 2 s), so one lucky connection proves nothing:
 * several in a row must land on the primary (round robin would hand one of them to a replica).
 */
export async function waitForPrimary(url: string, timeoutMs: number, inARow = 6): Promise<void> {
  await waitUntil(
    'a writable primary through HAProxy',
    async () => {
      for (let i = 0; i < inARow; i++) if (!(await reachesPrimary(url))) return false;
      return true;
    },
    timeoutMs,
    500,
  );
}
