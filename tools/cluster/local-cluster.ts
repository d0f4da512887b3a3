import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { saveState, type BootstrapCredentials, type ClusterState, type ServiceInstanceState } from './cluster-state.js';
import { etcdHosts, etcdLeader, spawnEtcd, startEtcdCluster, waitEtcdHealthy, type EtcdMember } from './etcd-node.js';
import { freePorts } from './free-ports.js';
import { spawnHaproxy, startHaproxy, waitForPrimary } from './haproxy.js';
import { logTail, signal, stopProcess, waitGone, type ProcessRecord } from './local-process.js';
import { reloadNginx, startNginx } from './nginx.js';
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
  /** Called with the cluster's folder before anything starts (cluster:up records it there). */
  readonly onDir?: (dir: string) => void;
}

const hex = (bytes: number) => randomBytes(bytes).toString('hex');

/** Three members: losing one keeps a quorum, as in production. */
const ETCD_MEMBERS = 3;

/** The app given by BOOTSTRAP_* in `env`, or a fresh development app. */
export function bootstrapFrom(env: NodeJS.ProcessEnv): BootstrapCredentials {
  return {
    org: env.BOOTSTRAP_ORG || 'dev',
    app: env.BOOTSTRAP_APP || 'app',
    clientId: env.BOOTSTRAP_CLIENT_ID || `YXA6${hex(14)}`,
    clientSecret: env.BOOTSTRAP_CLIENT_SECRET || randomBytes(24).toString('base64url'),
  };
}

/** What the instances get from the topology, whatever the caller adds. */
function topologyServiceEnv(): Record<string, string> {
  return {
    // Required on PostgreSQL once the production build lands: one key shared by every instance.
    TOKEN_MASTER_KEY: process.env.TOKEN_MASTER_KEY || hex(32),
    // nginx is the one proxy in front and overwrites X-Forwarded-For with the address it saw.
    TRUSTED_PROXIES: '1',
    // /metrics on a production store needs a token; scrapers of the local topology use this one.
    METRICS_TOKEN: process.env.METRICS_TOKEN || hex(16),
    // Webhook receivers of local tests listen on 127.0.0.1.
    WEBHOOK_ALLOW_PRIVATE: 'true',
    LOG_LEVEL: process.env.LOG_LEVEL || 'warn',
    // Longer than nginx's upstream keepalive_timeout (3 s): see deploy/nginx/nginx.conf.
    SHUTDOWN_DRAIN_MS: process.env.SHUTDOWN_DRAIN_MS || '4000',
  };
}

/**
 * The whole topology on one machine: etcd (3 members) → Patroni nodes → HAProxy → service
 * instances → nginx, every process recorded in `<dir>/cluster-state.json` the moment it runs.
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
    const state: ClusterState = { dir, createdAt: new Date().toISOString(), etcd: [], patroni: [], services: [] };
    saveState(state);
    options.onDir?.(dir);
    const cluster = new LocalCluster(state, {});
    try {
      await cluster.start(nodeCount, instanceCount, options, log);
      return cluster;
    } catch (error) {
      const keepDir = process.env.CLUSTER_KEEP_DIR === '1';
      log(
        `cluster:up failed (${(error as Error).message}); taking down what started${keepDir ? `; logs kept in ${dir}/logs` : ' (CLUSTER_KEEP_DIR=1 keeps the folder)'}`,
      );
      for (const record of [
        ...state.etcd.map((m) => m.process),
        ...state.patroni.map((n) => n.process),
        state.haproxy,
        ...state.services.map((s) => s.process),
        state.nginx,
      ]) {
        if (record) log(`--- ${record.name} (${record.logFile}):\n${logTail(record.logFile)}`);
      }
      await cluster.down({ keepDir });
      throw error;
    }
  }

  private async start(
    nodeCount: number,
    instanceCount: number,
    options: ClusterOptions,
    log: (line: string) => void,
  ): Promise<void> {
    const { state } = this;
    const ports = await freePorts(ETCD_MEMBERS * 2 + nodeCount * 2 + 1 + instanceCount + 1);
    const take = () => ports.shift()!;

    log(`starting ${ETCD_MEMBERS} etcd members (data and logs under ${state.dir})`);
    const etcdSpecs = Array.from({ length: ETCD_MEMBERS }, (_, i) => ({
      name: `etcd${i + 1}`,
      clientPort: take(),
      peerPort: take(),
    }));
    await startEtcdCluster(state.dir, etcdSpecs, (member) => {
      state.etcd.push(member);
      saveState(state);
    });

    log(`starting ${nodeCount} Patroni/PostgreSQL 15 nodes`);
    const credentials = { superuserPassword: hex(16), replicationPassword: hex(16) };
    const specs = Array.from({ length: nodeCount }, (_, i) => ({
      name: `pg${i + 1}`,
      pgPort: take(),
      restPort: take(),
    }));
    for (const spec of specs) {
      state.patroni.push(await startPatroniNode(state.dir, spec, etcdHosts(etcdSpecs), credentials));
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
      ...topologyServiceEnv(),
      ...options.serviceEnv,
    });
    state.metricsToken = this.serviceEnv.METRICS_TOKEN;

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
    state.nginx = await startNginx(state.dir, nginxPort, instancePorts, (record) => {
      state.nginx = record;
      saveState(state);
    });
    state.baseUrl = `http://127.0.0.1:${nginxPort}`;
    saveState(state);
  }

  private async startInstance(index: number, port: number): Promise<void> {
    await startServiceInstance(this.state.dir, { index, port, env: this.serviceEnv }, (record) =>
      this.recordInstance(index, port, record),
    );
  }

  private recordInstance(index: number, port: number, record: ProcessRecord): void {
    const existing = this.state.services.find((s) => s.index === index);
    if (existing) existing.process = record;
    else this.state.services.push({ index, port, process: record });
    this.state.services.sort((a, b) => a.index - b.index);
    saveState(this.state);
  }

  get etcdMembers(): readonly EtcdMember[] {
    return this.state.etcd;
  }

  /** The etcd member that leads now. */
  etcdLeader(): Promise<EtcdMember | undefined> {
    return etcdLeader(this.state.etcd);
  }

  /** Loses one etcd member as a host crash would (SIGKILL). */
  async killEtcdMember(name: string): Promise<void> {
    const member = this.etcdMember(name);
    signal(member.process, 'SIGKILL');
    await waitGone(member.process, 5_000);
  }

  /** Starts a lost etcd member again on its data; resolves when it is healthy. */
  async reviveEtcdMember(name: string): Promise<void> {
    const member = this.etcdMember(name);
    member.process = await spawnEtcd(this.state.dir, member.name, member.configFile);
    saveState(this.state);
    await waitEtcdHealthy(member, 30_000);
  }

  private etcdMember(name: string): EtcdMember {
    const member = this.state.etcd.find((m) => m.name === name);
    if (!member) throw new Error(`no etcd member ${name}`);
    return member;
  }

  /** Stops HAProxy (SIGTERM) and starts it again with the same configuration. */
  async restartHaproxy(): Promise<void> {
    await stopProcess(this.state.haproxy!);
    this.state.haproxy = await spawnHaproxy(this.state.dir);
    saveState(this.state);
  }

  /** `nginx -s reload`: the master re-reads its configuration and replaces its workers. */
  reloadNginx(): void {
    reloadNginx(this.state.nginx!);
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
  await Promise.all((state.etcd ?? []).map((m) => stopProcess(m.process)));
  if (!options.keepDir) rmSync(state.dir, { recursive: true, force: true });
}
