import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { SERVICE_BUNDLE } from './bundles.js';
import { TEST_MASTER_KEY, TEST_METRICS_TOKEN } from './http-harness.js';

export interface SpawnedService {
  readonly url: string;
  readonly child: ChildProcess;
  /** Every stdout line so far. */
  readonly lines: string[];
  /** Sends SIGTERM and resolves with the exit code. */
  stop(): Promise<number | null>;
}

const PACKAGE_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Runs the service's bundle in a child process, as `npm start` does, and waits until it listens. */
export async function spawnService(env: Record<string, string>): Promise<SpawnedService> {
  const child = spawn(process.execPath, [SERVICE_BUNDLE], {
    cwd: PACKAGE_ROOT,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      TOKEN_MASTER_KEY: TEST_MASTER_KEY,
      METRICS_TOKEN: TEST_METRICS_TOKEN,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  const url = await new Promise<string>((resolve, reject) => {
    let buffered = '';
    child.stdout!.on('data', (chunk) => {
      buffered += chunk;
      const parts = buffered.split('\n');
      buffered = parts.pop()!;
      for (const line of parts) {
        lines.push(line);
        // The development app's credentials are printed as plain text between the log lines.
        if (!line.startsWith('{')) continue;
        const parsed = JSON.parse(line) as { msg?: string; url?: string };
        if (parsed.msg === 'listening') resolve(parsed.url!);
      }
    });
    child.once('exit', (code) => reject(new Error(`service exited with ${code}: ${stderr}`)));
  });
  return {
    url,
    child,
    lines,
    async stop() {
      if (child.exitCode !== null) return child.exitCode;
      child.kill('SIGTERM');
      const [code] = await once(child, 'exit');
      return code as number | null;
    },
  };
}
