import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DataDirLock } from './data-dir-lock.js';
import { openPostgresAdapter } from './open-postgres-adapter.js';

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'chatroom-lock-'));
});
afterEach(() => rm(dataDir, { recursive: true, force: true }));

const lockFile = () => join(dataDir, 'chatroom.lock');

/** The pid of a process that has already exited. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '0']).pid!;
}

describe('data-directory lock', () => {
  it('a second adapter on a directory in use is refused with a clear message; after close it opens', async () => {
    const first = await openPostgresAdapter({ dataDir });
    try {
      await expect(openPostgresAdapter({ dataDir })).rejects.toThrow(
        `The data directory ${dataDir} is in use by another running process (pid ${process.pid}`,
      );
      expect(await first.isReady()).toBe(true); // the refused open left the holder alone
    } finally {
      await first.close();
    }
    const again = await openPostgresAdapter({ dataDir });
    expect(await again.isReady()).toBe(true);
    await again.close();
  });

  it('a lock file of another live process is refused', async () => {
    await writeFile(lockFile(), `${process.ppid}\n`);
    await expect(DataDirLock.acquire(dataDir)).rejects.toThrow(`pid ${process.ppid}`);
    expect(await readFile(lockFile(), 'utf8')).toBe(`${process.ppid}\n`);
  });

  it('a stale lock of a dead process is taken over', async () => {
    const dead = deadPid();
    await writeFile(lockFile(), `${dead}\n`);
    const lock = await DataDirLock.acquire(dataDir);
    expect(await readFile(lockFile(), 'utf8')).toBe(`${process.pid}\n`);
    await lock.release();
  });

  it('a stale lock bearing our own pid (a restarted container) is taken over', async () => {
    await writeFile(lockFile(), `${process.pid}\n`);
    const lock = await DataDirLock.acquire(dataDir);
    await expect(DataDirLock.acquire(dataDir)).rejects.toThrow('is in use');
    await lock.release();
  });

  it('release removes the lock file, so the next acquire succeeds at once', async () => {
    const lock = await DataDirLock.acquire(dataDir);
    await lock.release();
    await expect(readFile(lockFile())).rejects.toMatchObject({ code: 'ENOENT' });
    await (await DataDirLock.acquire(dataDir)).release();
  });

  it('a corrupt lock file is treated as stale', async () => {
    await writeFile(lockFile(), 'not a pid');
    const lock = await DataDirLock.acquire(dataDir);
    expect(await readFile(lockFile(), 'utf8')).toBe(`${process.pid}\n`);
    await lock.release();
  });
});
