import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnDetached, type ProcessRecord } from './local-process.js';
import { renderDeployTemplate } from './template.js';
import { httpStatus, waitUntil } from './wait-until.js';

/** nginx in front of the instances (deploy/nginx/nginx.conf); waits until /ready answers through it. */
export async function startNginx(dir: string, port: number, instancePorts: readonly number[]): Promise<ProcessRecord> {
  const home = join(dir, 'nginx');
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
  // daemon off: the master stays in the foreground, so the recorded pid is the master's.
  const record = await spawnDetached({
    name: 'nginx',
    command: 'nginx',
    args: ['-p', home, '-c', configFile, '-g', 'daemon off;'],
    logFile: join(dir, 'logs', 'nginx.log'),
  });
  await waitUntil('nginx → /ready', async () => (await httpStatus(`http://127.0.0.1:${port}/ready`)) === 200, 30_000);
  return record;
}
