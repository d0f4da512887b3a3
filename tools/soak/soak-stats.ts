import { readFileSync } from 'node:fs';
import type { Outcome } from '../cluster/load/chat-client.js';

/** A stretch of time (performance.now() ms) during which a fault and its recovery run. */
export interface FaultWindow {
  readonly name: string;
  readonly from: number;
  to: number;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export const median = (values: readonly number[]) =>
  percentile(
    [...values].sort((a, b) => a - b),
    50,
  );

const mean = (values: readonly number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;

/**
 * How much the later half of the minutes' p99s rose over the earlier half (0.25 = +25 %), NaN with
 * fewer than two minutes. Halves rather than the first and last minute alone: on a shared 2-core
 * host one minute's p99 moves by a fifth with the host's own load, so two single minutes turn
 * noise into a verdict, while a service that slows as its data grows raises the whole later half.
 */
export function p99Drift(minuteP99s: readonly number[]): number {
  if (minuteP99s.length < 2) return NaN;
  const half = Math.floor(minuteP99s.length / 2);
  return mean(minuteP99s.slice(minuteP99s.length - half)) / mean(minuteP99s.slice(0, half)) - 1;
}

/** The figures of one minute of load. */
export interface MinuteFigures {
  readonly minute: number;
  readonly requests: number;
  readonly perSecond: number;
  readonly p50: number;
  readonly p99: number;
  /** p99 of the requests that ran outside every fault window (NaN: too few of them). */
  readonly cleanP99: number;
  readonly cleanRequests: number;
  readonly byStatus: Record<string, number>;
}

/**
 * Every outcome of the load, folded as it arrives: per-minute latencies (dropped once the minute
 * is summed up, so memory does not grow with the run) and the counts the soak's verdict needs.
 */
export class SoakTally {
  private current: { latencies: number[]; clean: number[]; byStatus: Record<string, number> } = {
    latencies: [],
    clean: [],
    byStatus: {},
  };
  readonly faults: FaultWindow[] = [];
  /** Answers no fault explains: any 5xx or network error outside a fault window. */
  readonly unexplained: Record<string, number> = {};
  /** 5xx other than 503, anywhere. */
  readonly non503ServerErrors: Record<string, number> = {};
  /** Failures inside fault windows, by fault and kind. */
  readonly duringFaults: Record<string, number> = {};
  readonly clientErrors: Record<string, number> = {};
  total = 0;

  record = (o: Outcome): void => {
    this.total++;
    const latency = o.endedAt - o.startedAt;
    this.current.latencies.push(latency);
    this.current.byStatus[o.status] = (this.current.byStatus[o.status] ?? 0) + 1;
    const fault = this.faults.find((f) => o.endedAt >= f.from && o.startedAt <= f.to);
    if (!fault) this.current.clean.push(latency);
    const kind = `${o.method} ${o.op} → ${o.status}${o.error ? ` ${o.error}` : ''}`;
    if (o.status >= 500 && o.status !== 503) bump(this.non503ServerErrors, kind);
    if (o.status >= 400 && o.status < 500) bump(this.clientErrors, `${kind} ${o.body?.error ?? ''}`);
    if (o.status >= 500 || o.status === 0)
      bump(fault ? this.duringFaults : this.unexplained, fault ? `${fault.name}: ${kind}` : kind);
  };

  /** Sums up the minute that just ended and starts the next. */
  closeMinute(minute: number, seconds: number): MinuteFigures {
    const { latencies, clean, byStatus } = this.current;
    this.current = { latencies: [], clean: [], byStatus: {} };
    latencies.sort((a, b) => a - b);
    clean.sort((a, b) => a - b);
    return {
      minute,
      requests: latencies.length,
      perSecond: latencies.length / seconds,
      p50: percentile(latencies, 50),
      p99: percentile(latencies, 99),
      cleanP99: clean.length >= 100 ? percentile(clean, 99) : NaN,
      cleanRequests: clean.length,
      byStatus,
    };
  }
}

function bump(counts: Record<string, number>, key: string): void {
  counts[key] = (counts[key] ?? 0) + 1;
}

/** Resident set size of a process in MiB (VmRSS), or NaN when it is gone. */
export function rssMiB(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

/** One value of a Prometheus text exposition (the first sample of `name`), or NaN. */
export function metricValue(text: string, name: string): number {
  const match = new RegExp(`^${name}(?:\\{[^}]*\\})? ([0-9.eE+-]+|NaN)$`, 'm').exec(text);
  return match ? Number(match[1]) : NaN;
}
