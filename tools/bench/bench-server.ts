import { spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

const API_ROOT = fileURLToPath(new URL('../../apps/http-api/', import.meta.url));

/** A fixed master key for the sealed token keys (required on PostgreSQL once the service seals them). */
export const BENCH_MASTER_KEY = 'b3'.repeat(32);
/** Production stores refuse to serve /metrics openly: benches scrape with this token. */
export const BENCH_METRICS_TOKEN = 'bench-metrics-'.padEnd(32, 'm');

export interface BenchServer {
  /** SIGTERM, then waits for the exit. */
  stop(): Promise<void>;
}

/**
 * Starts `apps/http-api/src/main.ts` in a child process on 127.0.0.1:`port` (logs on, written
 * to /dev/null; stderr shown) with `env` on top of ours, and waits until `/ready` answers.
 */
export async function spawnBenchServer(port: string, env: Record<string, string>): Promise<BenchServer> {
  const server = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', 'src/main.ts'], {
    cwd: API_ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      PORT: port,
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      TOKEN_MASTER_KEY: BENCH_MASTER_KEY,
      METRICS_TOKEN: BENCH_METRICS_TOKEN,
      ...env,
    },
  });
  const stop = async () => {
    if (server.exitCode !== null) return;
    server.kill('SIGTERM');
    await new Promise((resolve) => server.once('exit', resolve));
  };
  // Up to a minute: PGlite's first start migrates, slow on a loaded machine.
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/ready`)).ok) return { stop };
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  await stop();
  throw new Error('the server did not become ready');
}

/** A JSON request whose answer must be 2xx; the parsed body. */
export async function sendJson(
  method: string,
  url: string,
  headers: Record<string, string>,
  body: unknown,
): Promise<any> {
  const response = await fetch(url, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  const parsed = (await response.json()) as unknown;
  if (!response.ok) throw new Error(`${method} ${url}: ${JSON.stringify(parsed)}`);
  return parsed;
}
