import { readdirSync, readFileSync } from 'node:fs';

/** Picks processes from their pid and command line. */
export type ProcessMatch = (pid: number, cmdline: string) => boolean;

/**
 * CPU seconds (user + system) that groups of processes use while the meter runs (`/proc`,
 * Linux). Figures taken this way hold on a busy machine, where rates do not: a PostgreSQL
 * backend's command line names its database, so one benchmark's backends can be told from
 * everyone else's. Sampled every `everyMs` (one pass over /proc for every group), keeping each
 * pid's first and last reading, so a backend that ends meanwhile (a pool closing an idle
 * connection) still counts up to its last sample.
 */
export class CpuMeter<G extends string> {
  private readonly first = new Map<number, number>();
  private readonly last = new Map<number, { group: G; seconds: number }>();
  private readonly timer: NodeJS.Timeout;
  private started = false;

  constructor(
    private readonly groups: Record<G, ProcessMatch>,
    everyMs = 200,
  ) {
    this.sample();
    this.started = true;
    this.timer = setInterval(() => this.sample(), everyMs);
  }

  /** Seconds each group used since the start; the meter stops. */
  stop(): Record<G, number> {
    clearInterval(this.timer);
    this.sample();
    const totals = Object.fromEntries(Object.keys(this.groups).map((g) => [g, 0])) as Record<G, number>;
    for (const [pid, { group, seconds }] of this.last) totals[group] += seconds - (this.first.get(pid) ?? 0);
    return totals;
  }

  private sample(): void {
    const entries = Object.entries(this.groups) as [G, ProcessMatch][];
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      const pid = Number(entry);
      try {
        const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8').replaceAll('\0', ' ');
        const group = entries.find(([, match]) => match(pid, cmdline))?.[0];
        if (group === undefined) continue;
        const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        const seconds = (Number(fields[11]) + Number(fields[12])) / 100; // utime + stime, USER_HZ
        // A process first seen after the start began meanwhile: all of its time counts.
        if (!this.first.has(pid)) this.first.set(pid, this.started ? 0 : seconds);
        this.last.set(pid, { group, seconds });
      } catch {
        // the process ended meanwhile
      }
    }
  }
}
