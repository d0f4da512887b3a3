import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SERVICE_BUNDLE } from '../testing/bundles.js';
import { TEST_MASTER_KEY } from '../testing/http-harness.js';

const PACKAGE_ROOT = fileURLToPath(new URL('../..', import.meta.url));
// A PID namespace needs unshare(1) and the right to use it (root here and in CI).
const canUnshare = spawnSync('unshare', ['--pid', '--fork', '--mount-proc', 'true']).status === 0;
if (!canUnshare) console.warn('PID 1 shutdown test skipped: unshare --pid is not available here.');

describe.skipIf(!canUnshare)('the service as PID 1 (a container, a systemd unit)', () => {
  it('node is PID 1 of its namespace, and SIGTERM still stops it gracefully with exit code 0', async () => {
    // As a container runs it: node itself is the first process, no npm or shell in between.
    const child = spawn('unshare', ['--pid', '--fork', '--mount-proc', process.execPath, SERVICE_BUNDLE], {
      cwd: PACKAGE_ROOT,
      env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: 'memory://', TOKEN_MASTER_KEY: TEST_MASTER_KEY },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const lines: Record<string, unknown>[] = [];
    const listening = new Promise<string>((resolve, reject) => {
      let buffered = '';
      child.stdout.on('data', (chunk) => {
        buffered += chunk;
        const parts = buffered.split('\n');
        buffered = parts.pop()!;
        for (const line of parts) {
          const parsed = JSON.parse(line) as { msg?: string; url?: string };
          lines.push(parsed);
          if (parsed.msg === 'listening') resolve(parsed.url!);
        }
      });
      child.once('exit', (code) => reject(new Error(`exited early with ${code}`)));
    });
    const url = await listening;
    expect((await fetch(`${url}/health`)).status).toBe(200);

    // The namespace's PID 1 is unshare's only child; its pid out here is what we signal.
    const node = Number(readFileSync(`/proc/${child.pid}/task/${child.pid}/children`, 'utf8').trim());
    const nsPid = /NSpid:\s+\d+\s+(\d+)/.exec(readFileSync(`/proc/${node}/status`, 'utf8'))?.[1];
    expect(nsPid).toBe('1');
    expect(lines.find((l) => l['msg'] === 'listening')?.['pid']).toBe(1);

    process.kill(node, 'SIGTERM');
    const [code] = await once(child, 'exit');
    expect(code).toBe(0);
    expect(lines.map((l) => l['msg'])).toEqual(
      expect.arrayContaining(['shutting down: finishing requests in flight', 'stopped']),
    );
  }, 120_000);
});
