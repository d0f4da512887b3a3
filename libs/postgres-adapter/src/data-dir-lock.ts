import { randomBytes } from 'node:crypto';
import { link, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const LOCK_FILE = 'chatroom.lock';

/** Lock files this process holds, so a second adapter here is refused even though our pid is alive. */
const heldByThisProcess = new Set<string>();

/**
 * PGlite does not lock its data directory, and two processes writing one directory corrupt it.
 * This lock file holds the owner's pid: a live owner means refusal with a clear message; a dead
 * one (a crash, or our own pid reused after a container restart) means a stale lock to take over.
 * The file is created atomically with its content (written aside, then hard-linked into place),
 * so a reader never sees it half-written. Two processes taking over the same stale lock in the
 * same instant could both succeed; starting two servers on one directory at once is not a case
 * we try to win.
 */
export class DataDirLock {
  private constructor(private readonly path: string) {}

  static async acquire(dataDir: string): Promise<DataDirLock> {
    await mkdir(dataDir, { recursive: true });
    const path = join(dataDir, LOCK_FILE);
    for (let attempt = 0; attempt < 3; attempt++) {
      if (await createWithPid(path)) {
        heldByThisProcess.add(path);
        return new DataDirLock(path);
      }
      const holder = await readPid(path);
      if (holder !== null && isAlive(holder) && (holder !== process.pid || heldByThisProcess.has(path))) {
        throw new Error(
          `The data directory ${dataDir} is in use by another running process (pid ${holder}, lock file ${path}). ` +
            'Stop that process, or give this one another data directory or a DATABASE_URL.',
        );
      }
      await rm(path, { force: true });
    }
    throw new Error(`Could not lock the data directory ${dataDir}: its lock file ${path} keeps changing.`);
  }

  async release(): Promise<void> {
    if (!heldByThisProcess.delete(this.path)) return;
    if ((await readPid(this.path)) === process.pid) await rm(this.path, { force: true });
  }
}

/** False when the lock file already exists. */
async function createWithPid(path: string): Promise<boolean> {
  const draft = `${path}.${process.pid}.${randomBytes(4).toString('hex')}`;
  await writeFile(draft, `${process.pid}\n`);
  try {
    await link(draft, path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    await rm(draft, { force: true });
  }
}

async function readPid(path: string): Promise<number | null> {
  try {
    const pid = Number.parseInt(await readFile(path, 'utf8'), 10);
    return Number.isSafeInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
