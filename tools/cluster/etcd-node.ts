import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnDetached, type ProcessRecord } from './local-process.js';
import { renderDeployTemplate } from './template.js';
import { httpStatus, waitUntil } from './wait-until.js';

export interface EtcdNode {
  readonly process: ProcessRecord;
  /** `host:port` for Patroni's `etcd3.hosts`. */
  readonly clientAddress: string;
}

/** One etcd member (deploy/etcd/etcd.conf.yml) with its data in `<dir>/etcd`; waits until healthy. */
export async function startEtcdNode(dir: string, clientPort: number, peerPort: number): Promise<EtcdNode> {
  const home = join(dir, 'etcd');
  mkdirSync(home, { recursive: true });
  const configFile = join(home, 'etcd.conf.yml');
  writeFileSync(
    configFile,
    renderDeployTemplate('etcd/etcd.conf.yml', {
      ETCD_NAME: 'etcd1',
      ETCD_DATA_DIR: join(home, 'data'),
      ETCD_ADDRESS: '127.0.0.1',
      ETCD_CLIENT_PORT: clientPort,
      ETCD_PEER_PORT: peerPort,
      ETCD_INITIAL_CLUSTER: `etcd1=http://127.0.0.1:${peerPort}`,
    }),
  );
  const record = await spawnDetached({
    name: 'etcd',
    command: 'etcd',
    args: ['--config-file', configFile],
    logFile: join(dir, 'logs', 'etcd.log'),
  });
  await waitUntil('etcd /health', async () => (await httpStatus(`http://127.0.0.1:${clientPort}/health`)) === 200, 30_000);
  return { process: record, clientAddress: `127.0.0.1:${clientPort}` };
}
