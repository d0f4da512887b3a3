import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { TEST_MASTER_KEY } from './http-harness.js';

const PACKAGE_ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface AdminRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the real admin CLI (`src/admin/main.ts`, as `npm run admin` does) in a child process. */
export function spawnAdmin(args: readonly string[], env: Record<string, string | undefined>): Promise<AdminRun> {
  return startAdmin(args, env).done;
}

/** The same, with the child at hand (to signal it) while it runs. */
export function startAdmin(args: readonly string[], env: Record<string, string | undefined>): { child: ChildProcess; done: Promise<AdminRun> } {
  const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', 'src/admin/main.ts', ...args], {
    cwd: PACKAGE_ROOT,
    env: { ...process.env, TOKEN_MASTER_KEY: TEST_MASTER_KEY, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c) => (stdout += c));
  child.stderr.on('data', (c) => (stderr += c));
  const done = new Promise<AdminRun>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
  return { child, done };
}
