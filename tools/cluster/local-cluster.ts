import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { saveState, type BootstrapCredentials, type ClusterState, type ServiceInstanceState } from './cluster-state.js';
import { startEtcdNode } from './etcd-node.js';
import { freePorts } from './free-ports.js';
import { startHaproxy, waitForPrimary } from './haproxy.js';
import { logTail, signal, stopProcess, waitGone } from './local-process.js';
import { startNginx } from './nginx.js';
import { patroniRole, spawnPatroni, startPatroniNode, stopPatroniNode, type PatroniNode } from './patroni-node.js';
import { startServiceInstance } from './service-instance.js';
import { waitUntil } from './wait-until.js';

export interface ClusterOptions {
  /** PostgreSQL nodes (2 or 3). */
  readonly databaseNodes?: number;
  readonly serviceInstances?: number;
  /** The app every instance makes sure exists; generated when absent. */
  readonly bootstrap?: BootstrapCredentials;
  /** Extra service environment on top of ours (e.g. LOG_LEVEL). */
  readonly serviceEnv?: Record<string, string>;
  readonly log?: (line: string) => void;
}

const hex = (bytes: number) => randomBytes(bytes).toString('hex');

/** The app given by BOOTSTRAP_* in `env`, or a fresh development app. */
export function bootstrapFrom(env: NodeJS.ProcessEnv): BootstrapCredentials {
  return {
    org: env.BOOTSTRAP_ORG || 'dev',
    app: env.BOOTSTRAP_APP || 'app',
    clientId: env.BOOTSTRAP_CLIENT_ID || `YXA6${hex(14)}`,
    clientSecret: env.BOOTSTRAP_CLIENT_SECRET || randomBytes(24).toString('base64url'),
  };
}

/**
 * The whole topology on one machine: etcd → Patroni nodes → HAProxy → service instances → nginx,
 * every process recorded in `<dir>/cluster-state.json` as it starts.
 */
export class LocalCluster {
  private constructor(
    readonly state: ClusterState,
    /** The service environment, kept to restart an instance the same way. */
    private readonly serviceEnv: Record<string, string>,
  ) {}

  get baseUrl(): string {
    return this.state.baseUrl!;
  }
  get databaseUrl(): string {
    return this.state.databaseUrl!;
  }
  get bootstrap(): BootstrapCredentials {
    return this.state.bootstrap!;
  }
  get nodes(): readonly PatroniNode[] {
    return this.state.patroni;
  }
  get instances(): readonly ServiceInstanceState[] {
    return this.state.services;
  }

  static async up(options: ClusterOptions = {}): Promise<LocalCluster> {
    const log = options.log ?? ((line: string) => console.error(line));
    const nodeCount = options.databaseNodes ?? 3;
    const instanceCount = options.serviceInstances ?? 3;
    const dir = mkdtempSync(join(tmpdir(), 'chatroom-cluster-'));
    // PostgreSQL runs as `postgres`: it must be able to enter the folder (its own subfolders are 0700).
    chmodSync(dir, 0o755);
    mkdirSync(join(dir, 'logs'), { mode: 0o755 });
    const state: ClusterState = { dir, createdAt: new Date().toISOString(), patroni: [], services: [] };
    saveState(state);
    const cluster = new LocalCluster(state, {});
    try {
      await cluster.start(nodeCount, instanceCount, options, log);
      return cluster;
    } catch (error) {
      const keepDir = process.env.CLUSTER_KEEP_DIR === '1';
      log(`cluster:up failed (${(error as Error).message}); taking down what started${keepDir ? `; logs kept in ${dir}/logs` : ' (CLUSTER_KEEP_DIR=1 keeps the folder)'}`);
      for (const record of [state.etcd, ...state.patroni.map((n) => n.process), state.haproxy, ...state.services.map((s) => s.process), state.nginx]) {
        if (record) log(`--- ${record.name} (${record.logFile}):\n${logTail(record.logFile)}`);
      }
      await cluster.down({ keepDir });
      throw error;
    }
  }

  private async start(nodeCount: number, instanceCount: number, options: ClusterOptions, log: (line: string) => void): Promise<void> {
    const { state } = this;
    const ports = await freePorts(2 + nodeCount * 2 + 1 + instanceCount + 1);
    const take = () => ports.shift()!;

    log(`starting etcd (data and logs under ${state.dir})`);
    const etcd = await startEtcdNode(state.dir, take(), take());
    state.etcd = etcd.process;
    saveState(state);

    log(`starting ${nodeCount} Patroni/PostgreSQL 15 nodes`);
    const credentials = { superuserPassword: hex(16), replicationPassword: hex(16) };
    const specs = Array.from({ length: nodeCount }, (_, i) => ({ name: `pg${i + 1}`, pgPort: take(), restPort: take() }));
    for (const spec of specs) {
      state.patroni.push(await startPatroniNode(state.dir, spec, etcd.clientAddress, credentials));
      saveState(state);
    }
    await waitUntil(
      'one primary and a synchronous standby, every other node a streaming replica',
      async () => {
        const roles = await Promise.all(state.patroni.map(patroniRole));
        return roles.filter((r) => r === 'primary').length === 1 && roles.includes('sync') && !roles.includes('down');
      },
      180_000,
      500,
    );

    log('starting HAProxy');
    const haproxyPort = take();
    state.haproxy = await startHaproxy(state.dir, haproxyPort, specs);
    saveState(state);
    const superuserUrl = `postgres://postgres:${credentials.superuserPassword}@127.0.0.1:${haproxyPort}/postgres`;
    await waitForPrimary(superuserUrl, 30_000);
    const appPassword = hex(16);
    const admin = new pg.Client({ connectionString: superuserUrl });
    await admin.connect();
    try {
      await admin.query(`CREATE ROLE chat LOGIN PASSWORD '${appPassword}'`);
      await admin.query('CREATE DATABASE chat OWNER chat');
    } finally {
      await admin.end();
    }
    state.databaseUrl = `postgres://chat:${appPassword}@127.0.0.1:${haproxyPort}/chat`;

    state.bootstrap = options.bootstrap ?? bootstrapFrom(process.env);
    this.serviceEnv.DATABASE_URL = state.databaseUrl;
    Object.assign(this.serviceEnv, {
      BOOTSTRAP_ORG: state.bootstrap.org,
      BOOTSTRAP_APP: state.bootstrap.app,
      BOOTSTRAP_CLIENT_ID: state.bootstrap.clientId,
      BOOTSTRAP_CLIENT_SECRET: state.bootstrap.clientSecret,
      // Required on PostgreSQL once the production build lands: one key shared by every instance.
      TOKEN_MASTER_KEY: process.env.TOKEN_MASTER_KEY || hex(32),
      // The URL in envelopes follows nginx's X-Forwarded-* headers.
      TRUST_PROXY: process.env.TRUST_PROXY || 'true',
      LOG_LEVEL: process.env.LOG_LEVEL || 'warn',
      // Longer than nginx's upstream keepalive_timeout (3 s): see deploy/nginx/nginx.conf.
      SHUTDOWN_DRAIN_MS: process.env.SHUTDOWN_DRAIN_MS || '4000',
      ...options.serviceEnv,
    });

    log(`starting ${instanceCount} service instances`);
    const instancePorts = Array.from({ length: instanceCount }, take);
    // The first alone (it runs the migrations and creates the app), then the rest together.
    await this.startInstance(1, instancePorts[0]!);
    // allSettled: on a failure, take-down must not start before the others have registered.
    const rest = await Promise.allSettled(instancePorts.slice(1).map((port, i) => this.startInstance(i + 2, port)));
    const failed = rest.find((r) => r.status === 'rejected');
    if (failed) throw failed.reason;

    log('starting nginx');
    const nginxPort = take();
    state.nginx = await startNginx(state.dir, nginxPort, instancePorts);
    state.baseUrl = `http://127.0.0.1:${nginxPort}`;
    saveState(state);
  }

  private async startInstance(index: number, port: number): Promise<void> {
    const record = await startServiceInstance(this.state.dir, { index, port, env: this.serviceEnv });
    const existing = this.state.services.find((s) => s.index === index);
    if (existing) existing.process = record;
    else this.state.services.push({ index, port, process: record });
    this.state.services.sort((a, b) => a.index - b.index);
    saveState(this.state);
  }

  /** The node Patroni reports as primary right now. */
  async primary(): Promise<PatroniNode | undefined> {
    const roles = await Promise.all(this.nodes.map(patroniRole));
    return this.nodes[roles.indexOf('primary')];
  }

  async roles(): Promise<string[]> {
    return Promise.all(this.nodes.map(async (n) => `${n.name}:${await patroniRole(n)}`));
  }

  /** Starts Patroni again on a node that was lost; it rewinds the old data and follows the new leader. */
  async reviveNode(name: string): Promise<void> {
    const index = this.state.patroni.findIndex((n) => n.name === name);
    const node = this.state.patroni[index]!;
    this.state.patroni[index] = { ...node, process: await spawnPatroni(this.state.dir, node.name, node.dir) };
    saveState(this.state);
  }

  /** SIGKILL one service instance (no chance to finish anything). */
  async killInstance(index: number): Promise<void> {
    const { process } = this.instance(index);
    signal(process, 'SIGKILL');
    await waitGone(process, 5_000);
  }

  /** SIGTERM one instance, wait for it to exit, start it again on the same port; resolves when ready. */
  async restartInstance(index: number, afterStop?: () => void): Promise<void> {
    const instance = this.instance(index);
    await stopProcess(instance.process, 30_000);
    afterStop?.();
    await this.startInstance(index, instance.port);
  }

  /** Start again an instance that was killed. */
  async reviveInstance(index: number): Promise<void> {
    await this.startInstance(index, this.instance(index).port);
  }

  private instance(index: number): ServiceInstanceState {
    const instance = this.state.services.find((s) => s.index === index);
    if (!instance) throw new Error(`no service instance ${index}`);
    return instance;
  }

  async down(options: { keepDir?: boolean } = {}): Promise<void> {
    await takeDown(this.state, options);
  }
}

/**
 * Stops exactly the recorded processes (front to back: nginx, instances, HAProxy, Patroni nodes,
 * etcd), then removes the folder. Processes already gone, or pids now owned by someone else, are
 * skipped, so running it twice is harmless.
 */
export async function takeDown(state: ClusterState, options: { keepDir?: boolean } = {}): Promise<void> {
  if (state.nginx) await stopProcess(state.nginx);
  await Promise.all(state.services.map((s) => stopProcess(s.process, 15_000)));
  if (state.haproxy) await stopProcess(state.haproxy);
  await Promise.all(state.patroni.map((node) => stopPatroniNode(node)));
  if (state.etcd) await stopProcess(state.etcd);
  if (!options.keepDir) rmSync(state.dir, { recursive: true, force: true });
}
