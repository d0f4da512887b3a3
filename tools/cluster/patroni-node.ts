import { chownSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { commandLine, recordOf, signal, spawnDetached, waitGone, type ProcessRecord } from './local-process.js';
import { renderDeployTemplate } from './template.js';
import { httpStatus } from './wait-until.js';

/**
 * Failover timing of the local topology (written to etcd by the first node). Patroni needs
 * loop_wait + 2 × retry_timeout <= ttl; a smaller ttl means a faster failover but more risk of a
 * needless one when a loaded machine delays the leader's renewal.
 */
export const PATRONI_TIMING = { ttl: 10, loopWait: 1, retryTimeout: 3 } as const;

export interface PatroniNodeSpec {
  readonly name: string;
  readonly pgPort: number;
  readonly restPort: number;
}

export interface PatroniNode extends PatroniNodeSpec {
  readonly dir: string;
  readonly dataDir: string;
  readonly process: ProcessRecord;
}

export interface PatroniCredentials {
  readonly superuserPassword: string;
  readonly replicationPassword: string;
}

/** The OS user PostgreSQL runs as: `postgres` when we are root (initdb refuses root), else ourselves. */
function postgresOwner(): { uid: number; gid: number; name: string } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((l) => l.startsWith('postgres:'));
  if (!line) throw new Error('no `postgres` OS user: install PostgreSQL 15 (postgresql-15) first');
  const [, , uid, gid] = line.split(':');
  return { uid: Number(uid), gid: Number(gid), name: 'postgres' };
}

/** Starts Patroni for one node (deploy/patroni/patroni.yml); it runs initdb or clones the leader itself. */
export async function startPatroniNode(
  dir: string,
  spec: PatroniNodeSpec,
  etcdHosts: string,
  credentials: PatroniCredentials,
): Promise<PatroniNode> {
  const nodeDir = join(dir, spec.name);
  const dataDir = join(nodeDir, 'data');
  mkdirSync(nodeDir, { recursive: true, mode: 0o700 });
  const owner = postgresOwner();
  const configFile = join(nodeDir, 'patroni.yml');
  writeFileSync(
    configFile,
    renderDeployTemplate('patroni/patroni.yml', {
      CLUSTER_NAME: 'chatroom',
      NODE_NAME: spec.name,
      NODE_ADDRESS: '127.0.0.1',
      NODE_REST_PORT: spec.restPort,
      NODE_PG_PORT: spec.pgPort,
      NODE_DIR: nodeDir,
      NODE_DATA_DIR: dataDir,
      ETCD_HOSTS: etcdHosts,
      PATRONI_TTL: PATRONI_TIMING.ttl,
      PATRONI_LOOP_WAIT: PATRONI_TIMING.loopWait,
      PATRONI_RETRY_TIMEOUT: PATRONI_TIMING.retryTimeout,
      SUPERUSER_PASSWORD: credentials.superuserPassword,
      REPLICATION_PASSWORD: credentials.replicationPassword,
      PG_SHARED_BUFFERS: '64MB',
      CLIENT_NETWORK: '127.0.0.1/32',
    }),
    { mode: 0o600 },
  );
  if (owner) {
    chownSync(nodeDir, owner.uid, owner.gid);
    chownSync(configFile, owner.uid, owner.gid);
  }
  return { ...spec, dir: nodeDir, dataDir, process: await spawnPatroni(dir, spec.name, nodeDir) };
}

/** Patroni for a node whose folder and config exist (first start, or again after a crash). */
export async function spawnPatroni(dir: string, name: string, nodeDir: string): Promise<ProcessRecord> {
  const owner = postgresOwner();
  return spawnDetached({
    name: `patroni-${name}`,
    command: 'patroni',
    args: [join(nodeDir, 'patroni.yml')],
    logFile: join(dir, 'logs', `patroni-${name}.log`),
    cwd: nodeDir,
    env: { PATH: process.env.PATH, HOME: nodeDir, LANG: 'C.UTF-8', USER: owner?.name ?? userInfo().username },
    asUser: owner?.name,
  });
}

/** The node's role as Patroni's REST API reports it (the same endpoints HAProxy checks). */
export async function patroniRole(
  node: Pick<PatroniNodeSpec, 'restPort'>,
): Promise<'primary' | 'sync' | 'replica' | 'down'> {
  const base = `http://127.0.0.1:${node.restPort}`;
  if ((await httpStatus(`${base}/primary`)) === 200) return 'primary';
  if ((await httpStatus(`${base}/sync`)) === 200) return 'sync';
  if ((await httpStatus(`${base}/replica`)) === 200) return 'replica';
  return 'down';
}

/** The postmaster Patroni started for this node (it runs in a session of its own), if running. */
export function postmasterOf(node: Pick<PatroniNode, 'name' | 'dataDir' | 'process'>): ProcessRecord | undefined {
  const pidFile = join(node.dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return undefined;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  // Only a postgres whose command line names this node's data directory (never a reused pid).
  if (!Number.isInteger(pid) || !commandLine(pid).includes(node.dataDir)) return undefined;
  return recordOf(`postgres-${node.name}`, pid, node.process.logFile);
}

/** Loses the node as a host crash would: SIGKILL to Patroni and to its PostgreSQL at once. */
export async function killPatroniNode(node: PatroniNode): Promise<void> {
  const postmaster = postmasterOf(node);
  signal(node.process, 'SIGKILL');
  if (postmaster) signal(postmaster, 'SIGKILL');
  await waitGone(node.process, 5_000);
  if (postmaster) await waitGone(postmaster, 5_000);
}

/** Orderly stop: Patroni shuts PostgreSQL down itself on SIGTERM; anything left is killed. */
export async function stopPatroniNode(node: PatroniNode, graceMs = 20_000): Promise<void> {
  if (signal(node.process, 'SIGTERM') && !(await waitGone(node.process, graceMs))) signal(node.process, 'SIGKILL');
  await waitGone(node.process, 5_000);
  const postmaster = postmasterOf(node);
  if (postmaster && signal(postmaster, 'SIGINT') && !(await waitGone(postmaster, 10_000)))
    signal(postmaster, 'SIGKILL');
}
