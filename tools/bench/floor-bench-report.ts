/** What one floor-benchmark case is and measures, and the table and JSON line a run prints (floor-bench.ts runs them). */
import type autocannon from 'autocannon';

export interface Side {
  readonly name: string;
  readonly base: string;
  readonly headers: Record<string, string>;
}

export interface Measure {
  readonly rps: number;
  readonly p50: number;
  readonly p99: number;
  readonly non2xx: number;
  /** For the join case: seconds until all were members. */
  readonly seconds?: number;
}

export interface Case {
  readonly key: string;
  readonly label: string;
  /** Which service process answers (the uncoalesced one for `hot-nc`). */
  readonly service: 'service' | 'uncoalesced';
  /** Makes the autocannon options for one side in one round (fresh rooms are created here). */
  prepare(side: Side, round: number): Promise<Partial<autocannon.Options>>;
  /** Checks after a run (the join case: everyone is a member). */
  verify?(side: Side, round: number): Promise<void>;
}

/** The table and the JSON line of a run: means over the rounds per side, and the ratio. */
export function printTable(
  run: { store: string; duration: number; rounds: number; connections: number; pool: number },
  cases: Case[],
  results: Record<string, { floor: Measure[]; service: Measure[] }>,
): void {
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const summary = cases.map((c) => {
    const { floor, service } = results[c.key]!;
    const f = {
      rps: mean(floor.map((m) => m.rps)),
      p50: mean(floor.map((m) => m.p50)),
      p99: mean(floor.map((m) => m.p99)),
    };
    const s = {
      rps: mean(service.map((m) => m.rps)),
      p50: mean(service.map((m) => m.p50)),
      p99: mean(service.map((m) => m.p99)),
    };
    const seconds = c.verify
      ? { floorSeconds: mean(floor.map((m) => m.seconds!)), serviceSeconds: mean(service.map((m) => m.seconds!)) }
      : {};
    const non2xx = [...floor, ...service].reduce((n, m) => n + m.non2xx, 0);
    return {
      case: c.key,
      label: c.label,
      floor: f,
      service: s,
      ratio: s.rps / f.rps,
      non2xx,
      ...seconds,
      rounds: { floor, service },
    };
  });
  const fmt = (n: number) => Math.round(n).toLocaleString('en');
  console.log(`\nstore: ${run.store}`);
  console.log('| case | floor req/s | p50 | p99 | service req/s | p50 | p99 | ratio |');
  console.log('|---|---|---|---|---|---|---|---|');
  for (const s of summary) {
    const extra =
      'serviceSeconds' in s
        ? ` (all members after ${s.floorSeconds!.toFixed(2)} s / ${s.serviceSeconds!.toFixed(2)} s)`
        : '';
    console.log(
      `| ${s.label}${extra} | ${fmt(s.floor.rps)} | ${s.floor.p50.toFixed(1)} ms | ${s.floor.p99.toFixed(1)} ms | ` +
        `${fmt(s.service.rps)} | ${s.service.p50.toFixed(1)} ms | ${s.service.p99.toFixed(1)} ms | ${s.ratio.toFixed(2)} |` +
        (s.non2xx ? ` ${s.non2xx} non-2xx` : ''),
    );
  }
  console.log(
    JSON.stringify({
      bench: 'floor',
      ...run,
      cases: summary,
    }),
  );
}
