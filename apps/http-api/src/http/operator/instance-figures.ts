import type { ServiceMetrics } from '../../metrics/prometheus-metrics.js';

/** One reading of the registry's cumulative counters. */
interface Reading {
  readonly at: number;
  /** Upper bound (seconds) → requests at or under it, all routes. */
  readonly buckets: Map<number, number>;
  readonly total: number;
  /** org/name → [requests, 429s]. */
  readonly apps: Map<string, [number, number]>;
}

export interface AppFigures {
  readonly app: string;
  readonly requests_per_second: number;
  readonly rate_limited_per_second: number;
  readonly rate_limited_total: number;
}

export interface InstanceFigures {
  /** Seconds the figures span (0 at the first reading). */
  readonly window_seconds: number;
  readonly requests_per_second: number;
  /** Upper bound of the histogram bucket holding the 99th percentile, in ms; null without requests. */
  readonly p99_ms: number | null;
  readonly apps: AppFigures[];
}

/** Figures span about this long: each answer compares now with the reading closest to it. */
const WINDOW_MS = 30_000;
const KEEP = 64;

/**
 * Request rate, p99 and 429s per app over the last ~30 s, from the Prometheus registry's own
 * cumulative series (the same numbers `/metrics` gives): each call reads the registry and
 * compares it with a reading about WINDOW_MS old, so nothing runs between calls.
 */
export class InstanceSampler {
  private readonly readings: Reading[] = [];

  constructor(
    private readonly metrics: ServiceMetrics,
    private readonly now: () => number = Date.now,
  ) {}

  async figures(): Promise<InstanceFigures> {
    const current = await this.read();
    const base = this.readings.find((r) => current.at - r.at <= WINDOW_MS) ?? current;
    this.readings.push(current);
    while (this.readings.length > KEEP || (this.readings[0] && current.at - this.readings[0].at > WINDOW_MS * 2))
      this.readings.shift();
    const seconds = (current.at - base.at) / 1000;
    const rate = (n: number) => (seconds > 0 ? Math.round((n / seconds) * 100) / 100 : 0);
    const apps = [...current.apps].map(([app, [requests, limited]]) => {
      const [requestsBefore, limitedBefore] = base.apps.get(app) ?? [0, 0];
      return {
        app,
        requests_per_second: rate(requests - requestsBefore),
        rate_limited_per_second: rate(limited - limitedBefore),
        rate_limited_total: limited,
      };
    });
    return {
      window_seconds: Math.round(seconds * 10) / 10,
      requests_per_second: rate(current.total - base.total),
      p99_ms: p99(current, base),
      apps: apps.sort((a, b) => b.requests_per_second - a.requests_per_second || a.app.localeCompare(b.app)),
    };
  }

  private async read(): Promise<Reading> {
    const [histogram, perApp] = await Promise.all([this.metrics.httpDuration.get(), this.metrics.appRequests.get()]);
    const buckets = new Map<number, number>();
    let total = 0;
    for (const value of histogram.values) {
      if (value.metricName === 'http_request_duration_seconds_bucket') {
        const bound = (value.labels as Record<string, string | number | undefined>).le;
        const le = bound === '+Inf' ? Infinity : Number(bound);
        buckets.set(le, (buckets.get(le) ?? 0) + value.value);
      } else if (value.metricName === 'http_request_duration_seconds_count') total += value.value;
    }
    const apps = new Map<string, [number, number]>();
    for (const value of perApp.values) {
      const app = String(value.labels.app);
      const [requests, limited] = apps.get(app) ?? [0, 0];
      apps.set(app, [requests + value.value, limited + (String(value.labels.status_code) === '429' ? value.value : 0)]);
    }
    return { at: this.now(), buckets, total, apps };
  }
}

/** The smallest bucket bound holding 99 % of the window's requests (all of them when it is the first reading). */
function p99(current: Reading, base: Reading): number | null {
  const sameReading = current === base;
  const count = (le: number) => (current.buckets.get(le) ?? 0) - (sameReading ? 0 : (base.buckets.get(le) ?? 0));
  const bounds = [...current.buckets.keys()].sort((a, b) => a - b);
  const all = count(Infinity);
  if (all <= 0) return null;
  const bound = bounds.find((le) => count(le) >= all * 0.99)!;
  return Number.isFinite(bound) ? Math.round(bound * 1000 * 10) / 10 : null;
}
