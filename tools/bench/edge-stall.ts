/**
 * Can an unauthenticated client stall the service? (`npm run bench:edges -w @chatroom/tools`)
 *
 * Starts the service (src/main.ts, embedded PGlite in a temporary directory, default limits) on
 * 127.0.0.1 and measures `GET /health` latency twice in one run:
 *   1. the floor: nothing else going on;
 *   2. under attack: ATTACKERS clients (8) each sending 1 MB bodies of nested `[` to
 *      `POST /{org}/{app}/token` back to back, while TRICKLERS sockets (300) each send a request
 *      one header byte every TRICKLE_MS (reopened when the server closes them).
 * Then, still under attack, the right client asks for its token once: it must get it at the
 * first try. Targets: /health p99 < 50 ms under attack; the token at the first try.
 * The attackers run in a child process of their own, so that their work never delays the
 * probes' event loop: what is measured is the service's answer time.
 * Loopback only; bounded by ATTACK_SECONDS (default 15, longer than the 10 s headers timeout,
 * so the server's closing of trickling sockets is part of the run).
 */
import { fork } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { request, Agent } from 'node:http';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { spawnBenchServer } from './bench-server.js';

const PORT = process.env['PORT'] ?? '18110';
const ATTACKERS = Number(process.env['ATTACKERS'] ?? 8);
const TRICKLERS = Number(process.env['TRICKLERS'] ?? 300);
const TRICKLE_MS = Number(process.env['TRICKLE_MS'] ?? 1_000);
const ATTACK_SECONDS = Number(process.env['ATTACK_SECONDS'] ?? 15);
const PROBE_EVERY_MS = 20;
const FLOOR_SECONDS = 5;
const BODY = Buffer.from('['.repeat(1024 * 1024));
const CLIENT = { org: 'edge', app: 'bench', id: 'edge-client', secret: 'edge-client-secret-0123456789' };
const HOST = '127.0.0.1';

/** One keep-alive connection for the probes, as a health checker keeps one. */
const probeAgent = new Agent({ keepAlive: true, maxSockets: 1 });

function health(): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = request({ host: HOST, port: PORT, path: '/health', agent: probeAgent }, (res) => {
      res.resume();
      res.on('end', () =>
        res.statusCode === 200 ? resolve(performance.now() - started) : reject(new Error(`/health ${res.statusCode}`)),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

/** /health every PROBE_EVERY_MS for `seconds`; latencies in ms. */
async function probe(seconds: number): Promise<number[]> {
  const latencies: number[] = [];
  const until = performance.now() + seconds * 1000;
  while (performance.now() < until) {
    latencies.push(await health());
    await sleep(PROBE_EVERY_MS);
  }
  return latencies;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

const summary = (values: number[]) =>
  `n=${values.length} p50=${percentile(values, 50).toFixed(2)} ms p99=${percentile(values, 99).toFixed(2)} ms max=${Math.max(...values).toFixed(2)} ms`;

/** One 1 MB nested body to /token; resolves with the status, or the error code when the server cut the upload. */
function nestedBody(): Promise<string> {
  return new Promise((resolve) => {
    const req = request(
      {
        host: HOST,
        port: PORT,
        method: 'POST',
        path: `/${CLIENT.org}/${CLIENT.app}/token`,
        headers: { 'content-type': 'application/json', 'content-length': BODY.length },
        agent: false,
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(String(res.statusCode)));
        res.on('error', () => resolve(String(res.statusCode)));
      },
    );
    req.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
    req.end(BODY);
  });
}

interface Attack {
  stop(): Promise<void>;
  readonly outcomes: Map<string, number>;
  /** Trickling sockets the server closed. */
  closedByServer(): number;
  /** When the server closed the first of them, from the start of the attack. */
  firstClosedAfterMs(): number | undefined;
}

function attack(): Attack {
  let running = true;
  const outcomes = new Map<string, number>();
  const senders = Array.from({ length: ATTACKERS }, async () => {
    while (running) {
      const outcome = await nestedBody();
      outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
    }
  });
  let closed = 0;
  let firstClosedAt: number | undefined;
  const startedAt = performance.now();
  const sockets = new Set<Socket>();
  const request = `POST /${CLIENT.org}/${CLIENT.app}/token HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nX-Padding: ${'a'.repeat(4000)}\r\n\r\n`;
  const trickler = () => {
    if (!running) return;
    const socket = connect(Number(PORT), HOST);
    sockets.add(socket);
    let i = 0;
    const timer = setInterval(() => {
      if (i < request.length) socket.write(request[i++]!);
    }, TRICKLE_MS);
    // Read (and drop) what the server sends, so that its closing the connection is seen.
    socket.resume();
    socket.on('error', () => {});
    socket.on('close', () => {
      clearInterval(timer);
      sockets.delete(socket);
      if (running) {
        closed++;
        firstClosedAt ??= performance.now() - startedAt;
        trickler();
      }
    });
  };
  for (let i = 0; i < TRICKLERS; i++) trickler();
  return {
    outcomes,
    closedByServer: () => closed,
    firstClosedAfterMs: () => firstClosedAt,
    async stop() {
      running = false;
      for (const socket of sockets) socket.destroy();
      await Promise.all(senders);
    },
  };
}

async function token(): Promise<{ status: number; ms: number }> {
  const started = performance.now();
  const response = await fetch(`http://${HOST}:${PORT}/${CLIENT.org}/${CLIENT.app}/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ grant_type: 'client_credentials', client_id: CLIENT.id, client_secret: CLIENT.secret }),
  });
  await response.arrayBuffer();
  return { status: response.status, ms: performance.now() - started };
}

async function main(): Promise<void> {
  const dataDir = await mkdtemp(join(tmpdir(), 'edge-stall-'));
  const server = await spawnBenchServer(PORT, {
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    BOOTSTRAP_ORG: CLIENT.org,
    BOOTSTRAP_APP: CLIENT.app,
    BOOTSTRAP_CLIENT_ID: CLIENT.id,
    BOOTSTRAP_CLIENT_SECRET: CLIENT.secret,
  });
  try {
    console.log(
      `edge-stall: node ${process.version}; ${ATTACKERS} senders of 1 MB nested bodies to /token, ${TRICKLERS} sockets writing a byte every ${TRICKLE_MS} ms, ${ATTACK_SECONDS} s; /health probed every ${PROBE_EVERY_MS} ms`,
    );
    await probe(1); // warm-up
    const floor = await probe(FLOOR_SECONDS);
    console.log(`floor (quiet)    /health ${summary(floor)}`);

    const attacker = fork(new URL(import.meta.url).pathname, [], {
      env: { ...process.env, EDGE_STALL_ROLE: 'attacker' },
      execArgv: process.execArgv,
    });
    await once(attacker, 'message'); // the attack is under way
    await sleep(1_000);
    const attacked = await probe(ATTACK_SECONDS - 3);
    const right = await token();
    await sleep(1_000);
    const reported = once(attacker, 'message');
    const exited = once(attacker, 'exit');
    attacker.send('stop');
    const [report] = (await reported) as [{ outcomes: Record<string, number>; closed: number; firstClosed?: number }];
    await exited;
    const { outcomes, closed, firstClosed } = report;

    console.log(`under attack     /health ${summary(attacked)}`);
    console.log(`nested bodies: ${JSON.stringify(outcomes)} (status, or how the upload was cut)`);
    console.log(
      `trickling sockets closed by the server: ${closed}${firstClosed === undefined ? '' : `, the first ${(firstClosed / 1000).toFixed(1)} s into the attack`}`,
    );
    console.log(
      `the right client's token, under attack: HTTP ${right.status} in ${right.ms.toFixed(1)} ms (first try)`,
    );
    const p99 = percentile(attacked, 99);
    const pass = p99 < 50 && right.status === 200;
    console.log(
      `target: /health p99 < 50 ms under attack (${p99.toFixed(2)} ms) and the token at the first try (${right.status}): ${pass ? 'met' : 'NOT met'}`,
    );
    process.exitCode = pass ? 0 : 1;
  } finally {
    probeAgent.destroy();
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** The attackers' process: starts the attack, reports when asked to stop. */
async function attackerProcess(): Promise<void> {
  const running = attack();
  process.send!('started');
  await once(process, 'message');
  const report = {
    outcomes: Object.fromEntries([...running.outcomes].sort()),
    closed: running.closedByServer(),
    firstClosed: running.firstClosedAfterMs(),
  };
  await running.stop();
  process.send!(report, () => process.exit(0));
}

if (process.env['EDGE_STALL_ROLE'] === 'attacker') await attackerProcess();
else await main();
