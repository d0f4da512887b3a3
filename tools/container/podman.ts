import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

/** Runs podman and returns its stdout (trimmed); a failure throws with podman's stderr. */
export function podman(...args: string[]): string {
  return execFileSync('podman', args, {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 64 << 20,
  }).trim();
}

export async function podmanAsync(...args: string[]): Promise<string> {
  const { stdout } = await execFileAsync('podman', args, { encoding: 'utf8', maxBuffer: 64 << 20 });
  return stdout.trim();
}

/** The same, ignoring failure (cleaning up what may not exist). */
export function podmanQuiet(...args: string[]): void {
  try {
    podman(...args);
  } catch {
    // nothing to remove
  }
}

/** A container's log, stdout and stderr together. */
export function logs(container: string): string {
  return execFileSync('sh', ['-c', 'podman logs "$1" 2>&1', 'sh', container], {
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
}

/** Resident set size of a running container's main process, read on the host. */
export function rssMegabytes(container: string): number {
  const pid = podman('inspect', container, '--format', '{{.State.Pid}}');
  const status = execFileSync('cat', [`/proc/${pid}/status`], { encoding: 'utf8' });
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) / 1024;
}

/** Polls `url` until it answers 200; returns the milliseconds since `since`. */
export async function waitForOk(url: string, since: number, timeoutMs: number): Promise<number> {
  for (;;) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) return performance.now() - since;
    } catch {
      // not listening yet
    }
    if (performance.now() - since > timeoutMs) throw new Error(`${url} did not answer 200 within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
