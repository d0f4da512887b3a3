import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { ADMIN_BUNDLE } from './bundles.js';
import { TEST_MASTER_KEY } from './http-harness.js';

const PACKAGE_ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface AdminRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the real admin CLI (its bundle, as `npm run admin` does) in a child process; `input` goes to its stdin. */
export function spawnAdmin(
  args: readonly string[],
  env: Record<string, string | undefined>,
  input?: string,
): Promise<AdminRun> {
  return startAdmin(args, env, input).done;
}

/** The same, with the child at hand (to signal it) while it runs. */
export function startAdmin(
  args: readonly string[],
  env: Record<string, string | undefined>,
  input?: string,
): { child: ChildProcess; done: Promise<AdminRun> } {
  const child = spawn(process.execPath, [ADMIN_BUNDLE, ...args], {
    cwd: PACKAGE_ROOT,
    env: { ...process.env, TOKEN_MASTER_KEY: TEST_MASTER_KEY, ...env },
    stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
  });
  if (input !== undefined) child.stdin!.end(input);
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (c) => (stdout += c));
  child.stderr!.on('data', (c) => (stderr += c));
  const done = new Promise<AdminRun>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
  return { child, done };
}
