// `npm run bench:import -w @chatroom/tools` — the Easemob importer against its targets
// (docs/moving-from-easemob.md): ROOMS × MEMBERS from an unpaced local source into a fresh
// PostgreSQL database (TEST_DATABASE_URL), beside a floor in the same run (a dry run: the same
// source reads and verification, no writes), then RATE_ROOMS rooms at --rate RATE to check the
// pacing; the importer's peak RSS sampled from /proc all along. Loopback only, ports 18600+.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import {
  CreateChatroom,
  inMemoryDependencies,
  RegisterUsers,
  RoomCommandsOverUnits,
  type App,
  type UnitOfWork,
} from '@chatroom/domain';
import {
  createContainer,
  loadConfig,
  startService,
  TOKENS,
  useInMemoryAdapters,
  type UseCases,
} from '@chatroom/http-api';
import { createTestDatabase } from '@chatroom/postgres-adapter/testing';
import { BENCH_MASTER_KEY } from './bench-server.js';
import { CpuMeter } from './proc-cpu.js';

const ROOMS = Number(process.env['ROOMS'] ?? 10_000);
const MEMBERS = Number(process.env['MEMBERS'] ?? 50);
const USERS = Number(process.env['USERS'] ?? 5_000);
const RATE_ROOMS = Number(process.env['RATE_ROOMS'] ?? 100);
const RATE = Number(process.env['RATE'] ?? 100);
const PORT = Number(process.env['PORT'] ?? 18_601);
const API_ROOT = fileURLToPath(new URL('../../apps/http-api/', import.meta.url));
/** `dist`: the built CLI (`npm run build` first), as production runs it; default: from source through tsx. */
const CLI =
  process.env['IMPORTER'] === 'dist'
    ? ['dist/admin/main.js']
    : ['--conditions=source', '--import', 'tsx', 'src/admin/main.ts'];
/**
 * Node's flags for the importer, as `npm run admin` gives them (`--optimize-for-size`: V8 keeps its
 * heap near the live size); others can be added, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`.
 */
const NODE_ARGS = (process.env['IMPORTER_NODE_ARGS'] ?? '--optimize-for-size').split(' ').filter(Boolean);

interface Run {
  seconds: number;
  /** CPU seconds: the importer, this process (the source), the target database's backends. */
  cpu: { importer: number; source: number; database: number };
  peakRssMb: number;
  code: number | null;
  report: { rooms: Record<string, number>; mismatch_count: number; source_requests: number; seconds: number };
}

/** A source on the in-memory store, in this process, filled through the use cases (not measured). */
async function startSource(rooms: number, port: number) {
  const env = {
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    BOOTSTRAP_ORG: 'src',
    BOOTSTRAP_APP: 'app',
    BOOTSTRAP_CLIENT_ID: 'src-id',
    BOOTSTRAP_CLIENT_SECRET: 'src-secret',
    APP_JOINED_ROOM_CAP: '1000000',
    APP_ROOM_QUOTA: '1000000',
    APP_RATE_LIMIT: 'off',
    TOKEN_MASTER_KEY: BENCH_MASTER_KEY,
  };
  const container = createContainer(loadConfig(env));
  const deps = inMemoryDependencies();
  useInMemoryAdapters(container, deps);
  const service = await startService(container);
  const useCases = await container.getAsync<UseCases>(TOKENS.UseCases);
  const app: App = await useCases.findApp.execute('src', 'app', '');
  // Filled in units that keep no snapshot for a rollback (none fails here): the in-memory store
  // copies its whole state before each write unit, which would make the fill quadratic.
  const units: Pick<UnitOfWork, 'read' | 'write'> = {
    read: (work) => deps.uow.read(work),
    write: (work) => deps.uow.read(work),
  };
  const filling = { ...deps, uow: { ...units, commands: new RoomCommandsOverUnits(units) } satisfies UnitOfWork };
  const [registerUsers, createChatroom] = [new RegisterUsers(filling), new CreateChatroom(filling)];
  const users = Array.from({ length: USERS }, (_, i) => `u${i}`);
  for (let i = 0; i < users.length; i += 60)
    await registerUsers.execute(
      app,
      users.slice(i, i + 60).map((username) => ({ username, password: 'pw' })),
    );
  for (let r = 0; r < rooms; r++) {
    const members = Array.from({ length: MEMBERS - 1 }, (_, j) => users[(r * 7 + j + 1) % USERS]!);
    await createChatroom.execute(app, {
      name: `room ${r}`,
      description: 'bench',
      owner: users[(r * 7) % USERS]!,
      members,
      maxUsers: 200,
    });
  }
  return { url: `http://127.0.0.1:${port}/src/app`, close: () => service.close() };
}

/** Runs the CLI as `npm run admin` does, sampling its RSS every 250 ms. */
function admin(args: string[], env: Record<string, string>, database = ''): Promise<Run & { stdout: string }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const sourceCpu = process.cpuUsage();
    let importerPid = -1;
    const meter = new CpuMeter({
      importer: (pid) => pid === importerPid,
      database: (_pid, cmdline) =>
        database !== '' && cmdline.startsWith('postgres: ') && cmdline.includes(` ${database} `),
    });
    const child = spawn(process.execPath, [...NODE_ARGS, ...CLI, ...args], {
      cwd: API_ROOT,
      // IMPORTER_NODE_OPTIONS (e.g. --max-old-space-size=48) shows whether the importer's memory is
      // retained or only garbage not yet collected.
      env: {
        ...process.env,
        TOKEN_MASTER_KEY: BENCH_MASTER_KEY,
        NODE_OPTIONS: process.env['IMPORTER_NODE_OPTIONS'] ?? '',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let peak = 0;
    const timer = setInterval(() => {
      try {
        const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? 0);
        peak = Math.max(peak, kb);
      } catch {
        // exited
      }
    }, 250);
    importerPid = child.pid ?? -1;
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    child.once('error', reject);
    child.once('close', (code) => {
      clearInterval(timer);
      const seconds = (performance.now() - started) / 1000;
      const used = meter.stop();
      const own = process.cpuUsage(sourceCpu);
      const cpu = { importer: used.importer, source: (own.user + own.system) / 1e6, database: used.database };
      let report;
      try {
        report = JSON.parse(stdout);
      } catch {
        reject(new Error(`no report (exit ${code}): ${stderr}`));
        return;
      }
      process.stderr.write(
        `${stderr
          .split('\n')
          .filter((l) => l.startsWith('import '))
          .join('\n')}\n`,
      );
      resolve({ seconds, cpu, peakRssMb: Math.round(peak / 1024), code, report, stdout });
    });
  });
}

async function main(): Promise<void> {
  const load = () =>
    loadavg()
      .map((l) => l.toFixed(1))
      .join(' ');
  console.log(`machine: ${cpus().length} cores, load average ${load()} at the start; importer: ${CLI.join(' ')}`);
  const db = await createTestDatabase();
  if (!db) throw new Error('TEST_DATABASE_URL is needed (a PostgreSQL server for the target)');
  const env = { DATABASE_URL: db.url };
  const dbName = new URL(db.url).pathname.slice(1);
  const cpuLine = (r: Run) =>
    `CPU s: importer ${r.cpu.importer.toFixed(1)}, source ${r.cpu.source.toFixed(1)}, PostgreSQL ${r.cpu.database.toFixed(1)} ` +
    `(${(((r.cpu.importer + r.cpu.source + r.cpu.database) / r.report.rooms['in_source']!) * 1000).toFixed(0)} ms per room in all)`;
  try {
    const t0 = performance.now();
    const source = await startSource(ROOMS, PORT);
    console.log(
      `source: ${ROOMS} rooms × ${MEMBERS} members (${USERS} users) filled in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );
    const created = await admin(
      [
        'apps',
        'create',
        '--org',
        'bench',
        '--app',
        'moved',
        '--joined-room-cap',
        '1000000',
        '--room-quota',
        '1000000',
        '--rate-limit',
        'off',
      ],
      env,
    );
    if (created.code !== 0) throw new Error('apps create failed');
    const from = ['--from', source.url, '--client-id', 'src-id', '--client-secret', 'src-secret'];
    const target = ['--org', 'bench', '--app', 'moved'];

    const floor = await admin(['import', 'easemob', ...target, ...from, '--rate', 'off', '--dry-run'], env, dbName);
    console.log(
      `floor (dry run: same source reads and verification, no writes): ${floor.seconds.toFixed(1)} s, ${floor.report.source_requests} source requests, peak RSS ${floor.peakRssMb} MB; ${cpuLine(floor)}`,
    );
    const full = await admin(['import', 'easemob', ...target, ...from, '--rate', 'off'], env, dbName);
    console.log(
      `import: ${full.seconds.toFixed(1)} s (exit ${full.code}), rooms ${JSON.stringify(full.report.rooms)}, ${full.report.mismatch_count} mismatches, ` +
        `${full.report.source_requests} source requests, peak RSS ${full.peakRssMb} MB; ${cpuLine(full)}; load average ${load()}`,
    );
    const again = await admin(['import', 'easemob', ...target, ...from, '--rate', 'off'], env, dbName);
    console.log(
      `repeat (nothing changed): ${again.seconds.toFixed(1)} s, unchanged ${again.report.rooms['unchanged']}, ${again.report.mismatch_count} mismatches, peak RSS ${again.peakRssMb} MB; ${cpuLine(again)}`,
    );
    await source.close();

    const small = await startSource(RATE_ROOMS, PORT + 1);
    const rateTarget = ['--org', 'bench', '--app', 'paced'];
    await admin(['apps', 'create', ...rateTarget, '--joined-room-cap', '1000000', '--rate-limit', 'off'], env);
    const paced = await admin(
      [
        'import',
        'easemob',
        ...rateTarget,
        '--from',
        small.url,
        '--client-id',
        'src-id',
        '--client-secret',
        'src-secret',
        '--rate',
        String(RATE),
      ],
      env,
    );
    const ideal = paced.report.source_requests / RATE;
    console.log(
      `--rate ${RATE}, ${RATE_ROOMS} rooms: ${paced.report.seconds.toFixed(1)} s importing for ${paced.report.source_requests} source requests ` +
        `(requests / rate = ${ideal.toFixed(1)} s: ${((paced.report.seconds / ideal - 1) * 100).toFixed(1)} % over), ${paced.report.mismatch_count} mismatches`,
    );
    await small.close();
    console.log(`load average ${load()} at the end`);
  } finally {
    await db.drop();
  }
}

await main();
