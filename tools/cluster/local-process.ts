import { spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * A process the topology started, identified by pid AND kernel start time: a pid the kernel has
 * since given to another process is never signalled.
 */
export interface ProcessRecord {
  readonly name: string;
  readonly pid: number;
  readonly startTime: string;
  readonly logFile: string;
}

/** Field 22 of /proc/<pid>/stat (start time in clock ticks since boot), and the state letter. */
function readStat(pid: number): { startTime: string; state: string } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { state: fields[0]!, startTime: fields[19]! };
  } catch {
    return undefined;
  }
}

/** Whether the recorded process still runs (a zombie counts as gone). */
export function isRunning(record: Pick<ProcessRecord, 'pid' | 'startTime'>): boolean {
  const stat = readStat(record.pid);
  return stat !== undefined && stat.startTime === record.startTime && stat.state !== 'Z';
}

export function commandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
  } catch {
    return '';
  }
}

/** Identity of an already running process (e.g. a postmaster Patroni started). */
export function recordOf(name: string, pid: number, logFile: string): ProcessRecord | undefined {
  const stat = readStat(pid);
  return stat && stat.state !== 'Z' ? { name, pid, startTime: stat.startTime, logFile } : undefined;
}

export interface SpawnOptions {
  readonly name: string;
  readonly command: string;
  readonly args: readonly string[];
  readonly logFile: string;
  readonly env?: NodeJS.ProcessEnv;
  readonly cwd?: string;
  /** Run as this OS user when we are root (PostgreSQL refuses to run as root). */
  readonly asUser?: string;
}

/**
 * Starts a long-running process in its own process group, detached from ours (it outlives
 * `cluster:up`), with stdout and stderr appended to `logFile`.
 */
export async function spawnDetached(options: SpawnOptions): Promise<ProcessRecord> {
  const dropToUser = options.asUser !== undefined && process.getuid?.() === 0;
  // setpriv execs the command, so the recorded pid is the command's own.
  const [command, args] = dropToUser
    ? [
        'setpriv',
        [
          `--reuid=${options.asUser}`,
          `--regid=${options.asUser}`,
          '--init-groups',
          '--',
          options.command,
          ...options.args,
        ],
      ]
    : [options.command, options.args];
  const log = openSync(options.logFile, 'a', 0o644);
  try {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      detached: true,
      stdio: ['ignore', log, log],
    });
    await new Promise<void>((resolve, reject) => {
      child.once('spawn', resolve);
      child.once('error', reject);
    });
    child.unref();
    // setpriv needs a moment to exec; the start time does not change across exec.
    const record = recordOf(options.name, child.pid!, options.logFile);
    if (!record) throw new Error(`${options.name} exited at once; see ${options.logFile}`);
    return record;
  } finally {
    closeSync(log);
  }
}

/** Sends `signal` if the recorded process still runs; true when it was sent. */
export function signal(record: ProcessRecord, sig: NodeJS.Signals): boolean {
  if (!isRunning(record)) return false;
  try {
    process.kill(record.pid, sig);
    return true;
  } catch {
    return false;
  }
}

/** Waits up to `timeoutMs` for the process to be gone; true if it is. */
export async function waitGone(record: ProcessRecord, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (isRunning(record)) {
    if (Date.now() > deadline) return false;
    await sleep(50);
  }
  return true;
}

/** SIGTERM, then SIGKILL after `graceMs`; resolves once the process is gone. */
export async function stopProcess(record: ProcessRecord, graceMs = 10_000): Promise<void> {
  if (!signal(record, 'SIGTERM')) return;
  if (await waitGone(record, graceMs)) return;
  signal(record, 'SIGKILL');
  await waitGone(record, 5_000);
}

/** The last lines of a log file, for error messages. */
export function logTail(logFile: string, lines = 15): string {
  try {
    return readFileSync(logFile, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}
