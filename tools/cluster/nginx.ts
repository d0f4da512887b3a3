import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { signal, spawnDetached, type ProcessRecord } from './local-process.js';
import { renderDeployTemplate } from './template.js';
import { httpStatus, waitUntil } from './wait-until.js';

/** Where the local topology keeps nginx's configuration and temporary files. */
const nginxHome = (dir: string) => join(dir, 'nginx');

/**
 * nginx in front of the instances (deploy/nginx/nginx.conf with chat-errors.conf beside it);
 * `onSpawn` gets the master's record as soon as it runs, before nginx is ready.
 * Resolves when /ready answers through it.
 */
export async function startNginx(
  dir: string,
  port: number,
  instancePorts: readonly number[],
  onSpawn: (record: ProcessRecord) => void = () => {},
): Promise<ProcessRecord> {
  const home = nginxHome(dir);
  // Workers run as `nobody` when the master is root: they must be able to enter it.
  mkdirSync(home, { recursive: true, mode: 0o755 });
  const configFile = join(home, 'nginx.conf');
  const servers = instancePorts.map((p) => `        server 127.0.0.1:${p} max_fails=1 fail_timeout=3s;`).join('\n');
  writeFileSync(
    configFile,
    renderDeployTemplate('nginx/nginx.conf', {
      NGINX_WORKERS: 2,
      NGINX_RUN_DIR: home,
      NGINX_LOG_DIR: join(dir, 'logs'),
      NGINX_ADDRESS: '127.0.0.1',
      NGINX_PORT: port,
      NGINX_UPSTREAM_SERVERS: servers,
    }),
  );
  writeFileSync(join(home, 'chat-errors.conf'), renderDeployTemplate('nginx/chat-errors.conf', {}));
  // daemon off: the master stays in the foreground, so the recorded pid is the master's.
  const record = await spawnDetached({
    name: 'nginx',
    command: 'nginx',
    args: ['-p', home, '-c', configFile, '-g', 'daemon off;'],
    logFile: join(dir, 'logs', 'nginx.log'),
  });
  onSpawn(record);
  await waitUntil('nginx → /ready', async () => (await httpStatus(`http://127.0.0.1:${port}/ready`)) === 200, 30_000);
  return record;
}

/**
 * `nginx -s reload` as an operator runs it (SIGHUP to the master): new workers start with the
 * configuration re-read, the old ones finish their requests and exit.
 */
export function reloadNginx(record: ProcessRecord): void {
  if (!signal(record, 'SIGHUP')) throw new Error('nginx is not running');
}
