import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EtcdMember } from './etcd-node.js';
import type { ProcessRecord } from './local-process.js';
import type { PatroniNode } from './patroni-node.js';
import { REPO_ROOT } from './template.js';

export interface BootstrapCredentials {
  readonly org: string;
  readonly app: string;
  readonly clientId: string;
  readonly clientSecret: string;
}

export interface ServiceInstanceState {
  readonly index: number;
  readonly port: number;
  process: ProcessRecord;
}

/** Everything `cluster:down` needs: the folder, and every process we started (pid + start time). */
export interface ClusterState {
  readonly dir: string;
  readonly createdAt: string;
  baseUrl?: string;
  databaseUrl?: string;
  bootstrap?: BootstrapCredentials;
  /** What `Authorization: Bearer …` /metrics on the instances wants. */
  metricsToken?: string;
  etcd: EtcdMember[];
  patroni: PatroniNode[];
  haproxy?: ProcessRecord;
  services: ServiceInstanceState[];
  nginx?: ProcessRecord;
}

export const stateFile = (dir: string) => join(dir, 'cluster-state.json');

/** Written after every process start, so that a half-finished `up` can still be taken down. */
export function saveState(state: ClusterState): void {
  // The file names the bootstrap secret: readable by its owner only.
  writeFileSync(stateFile(state.dir), `${JSON.stringify(state, null, 2)}\n`, { mode: 0o600 });
}

export function loadState(dir: string): ClusterState | undefined {
  return existsSync(stateFile(dir)) ? (JSON.parse(readFileSync(stateFile(dir), 'utf8')) as ClusterState) : undefined;
}

/**
 * `npm run cluster:up` records its folder here so that `npm run cluster:down` finds it;
 * CLUSTER_POINTER_FILE names another file (tests use their own, never the developer's).
 */
const POINTER = process.env.CLUSTER_POINTER_FILE || join(REPO_ROOT, '.cluster-dir');

export function readPointer(): string | undefined {
  return existsSync(POINTER) ? readFileSync(POINTER, 'utf8').trim() || undefined : undefined;
}

export function writePointer(dir: string): void {
  writeFileSync(POINTER, `${dir}\n`);
}

export function removePointer(): void {
  rmSync(POINTER, { force: true });
}
