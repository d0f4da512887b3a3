import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnDetached, type ProcessRecord } from './local-process.js';
import { renderDeployTemplate } from './template.js';
import { httpStatus, waitUntil } from './wait-until.js';

export interface EtcdMemberSpec {
  readonly name: string;
  readonly clientPort: number;
  readonly peerPort: number;
}

export interface EtcdMember extends EtcdMemberSpec {
  readonly configFile: string;
  process: ProcessRecord;
}

/** `host:port` of every member, for Patroni's `etcd3.hosts`. */
export const etcdHosts = (members: readonly EtcdMemberSpec[]) =>
  members.map((m) => `127.0.0.1:${m.clientPort}`).join(',');

/**
 * Writes each member's configuration (deploy/etcd/etcd.conf.yml, data under `<dir>/etcd/<name>`)
 * and starts them together: a member of a new cluster waits for a quorum of its peers. `onSpawn`
 * gets each member as soon as its process runs; resolves once every member reports healthy.
 */
export async function startEtcdCluster(
  dir: string,
  specs: readonly EtcdMemberSpec[],
  onSpawn: (member: EtcdMember) => void,
): Promise<EtcdMember[]> {
  const initialCluster = specs.map((s) => `${s.name}=http://127.0.0.1:${s.peerPort}`).join(',');
  const members: EtcdMember[] = [];
  for (const spec of specs) {
    const home = join(dir, 'etcd', spec.name);
    mkdirSync(home, { recursive: true });
    const configFile = join(home, 'etcd.conf.yml');
    writeFileSync(
      configFile,
      renderDeployTemplate('etcd/etcd.conf.yml', {
        ETCD_NAME: spec.name,
        ETCD_DATA_DIR: join(home, 'data'),
        ETCD_ADDRESS: '127.0.0.1',
        ETCD_CLIENT_PORT: spec.clientPort,
        ETCD_PEER_PORT: spec.peerPort,
        ETCD_INITIAL_CLUSTER: initialCluster,
      }),
    );
    const member: EtcdMember = { ...spec, configFile, process: await spawnEtcd(dir, spec.name, configFile) };
    onSpawn(member);
    members.push(member);
  }
  await Promise.all(members.map((m) => waitEtcdHealthy(m, 60_000)));
  return members;
}

/** One member's process; on a restart its data folder exists and it rejoins its cluster. */
export function spawnEtcd(dir: string, name: string, configFile: string): Promise<ProcessRecord> {
  return spawnDetached({
    name: `etcd-${name}`,
    command: 'etcd',
    args: ['--config-file', configFile],
    logFile: join(dir, 'logs', `etcd-${name}.log`),
  });
}

/** etcd's /health is 200 only while the member sees a leader (a quorum). */
export function waitEtcdHealthy(member: EtcdMemberSpec, timeoutMs: number): Promise<void> {
  return waitUntil(
    `etcd ${member.name} /health`,
    async () => (await httpStatus(`http://127.0.0.1:${member.clientPort}/health`)) === 200,
    timeoutMs,
  );
}

/** The member that leads the etcd cluster now (asked through the v3 JSON gateway). */
export async function etcdLeader(members: readonly EtcdMember[]): Promise<EtcdMember | undefined> {
  for (const member of members) {
    try {
      const response = await fetch(`http://127.0.0.1:${member.clientPort}/v3/maintenance/status`, {
        method: 'POST',
        body: '{}',
        signal: AbortSignal.timeout(1_000),
      });
      const status = (await response.json()) as { header?: { member_id?: string }; leader?: string };
      if (status.leader !== undefined && status.leader === status.header?.member_id) return member;
    } catch {
      // Not answering: not the leader.
    }
  }
  return undefined;
}
