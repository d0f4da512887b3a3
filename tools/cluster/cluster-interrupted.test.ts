import { spawn, execFileSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadState, type ClusterState } from './cluster-state.js';
import { ensureDebianPackages } from './debian-packages.js';
import { commandLine, isRunning, logTail, type ProcessRecord } from './local-process.js';
import { takeDown } from './local-cluster.js';
import { postmasterOf } from './patroni-node.js';
import { REPO_ROOT } from './template.js';
import { waitUntil } from './wait-until.js';

/**
 * `npm run cluster:up` interrupted half-way (Ctrl-C while the database nodes start), then
 * `npm run cluster:down`: nothing of the cluster may be left running.
 */
const scratch = mkdtempSync(join(tmpdir(), 'chatroom-interrupted-'));
// Our own pointer file: never the developer's `.cluster-dir`.
const env = { ...process.env, CLUSTER_POINTER_FILE: join(scratch, 'cluster-dir') };
let clusterDir: string | undefined;

afterAll(async () => {
  // Whatever the test found, leave nothing behind.
  const state = clusterDir ? loadState(clusterDir) : undefined;
  if (state) await takeDown(state);
  rmSync(scratch, { recursive: true, force: true });
}, 120_000);

const readPointer = () =>
  existsSync(env.CLUSTER_POINTER_FILE) ? readFileSync(env.CLUSTER_POINTER_FILE, 'utf8').trim() : undefined;

/** Every process of the state file, with the PostgreSQL servers Patroni started. */
function recorded(state: ClusterState): ProcessRecord[] {
  return [
    ...state.etcd.map((m) => m.process),
    ...state.patroni.flatMap((n) => [n.process, postmasterOf(n)].filter((p): p is ProcessRecord => p !== undefined)),
    ...(state.haproxy ? [state.haproxy] : []),
    ...state.services.map((s) => s.process),
    ...(state.nginx ? [state.nginx] : []),
  ];
}

/** Any process on the machine whose command line names the cluster's folder. */
function processesUnder(dir: string): string[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name) && Number(name) !== process.pid)
    .map((pid) => `${pid} ${commandLine(Number(pid))}`)
    .filter((line) => line.includes(dir));
}

describe('cluster:up interrupted, then cluster:down', () => {
  it('stops every process the interrupted up had started and removes its folder', async () => {
    ensureDebianPackages();
    const logFile = join(scratch, 'up.log');
    const log = openSync(logFile, 'a');
    const up = spawn(process.execPath, ['--import', 'tsx', 'tools/cluster/cluster-up.ts'], {
      cwd: REPO_ROOT,
      env,
      stdio: ['ignore', log, log],
    });
    closeSync(log);
    const exited = new Promise<number | null>((resolve) =>
      up.once('exit', (code, sig) => resolve(code ?? (sig ? -1 : null))),
    );

    // Interrupt once all three database nodes have been started (they are still initialising).
    await waitUntil(
      'cluster:up to start three etcd members and three Patroni nodes',
      async () => {
        clusterDir = readPointer();
        const state = clusterDir ? loadState(clusterDir) : undefined;
        if (up.exitCode !== null) throw new Error(`cluster:up ended by itself:\n${logTail(logFile)}`);
        return state !== undefined && state.etcd.length === 3 && state.patroni.length === 3;
      },
      180_000,
      100,
    );
    up.kill('SIGINT');
    await exited;
    const state = loadState(clusterDir!)!;
    const left = recorded(state).filter(isRunning);
    console.log(
      `interrupted cluster:up: ${left.length} recorded processes still running (${left.map((p) => p.name).join(', ')}); ${processesUnder(clusterDir!).length} processes name its folder`,
    );
    expect(left.length).toBeGreaterThanOrEqual(6);

    const down = execFileSync(process.execPath, ['--import', 'tsx', 'tools/cluster/cluster-down.ts'], {
      cwd: REPO_ROOT,
      env,
      encoding: 'utf8',
    });
    console.log(`cluster:down: ${down.trim()}`);

    expect(
      recorded(state)
        .filter(isRunning)
        .map((p) => p.name),
    ).toEqual([]);
    expect(processesUnder(clusterDir!)).toEqual([]);
    expect(existsSync(clusterDir!)).toBe(false);
    expect(readPointer()).toBeUndefined();
  }, 300_000);
});
