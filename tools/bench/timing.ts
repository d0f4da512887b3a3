/** Median wall time in ms of `samples` calls, after a few warm-up calls. */
export async function median(op: () => Promise<unknown>, samples: number): Promise<number> {
  for (let i = 0; i < Math.min(samples, 5); i++) await op();
  const times: number[] = [];
  for (let i = 0; i < samples; i++) {
    const started = performance.now();
    await op();
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
}

export interface Throughput {
  /** Calls per second. */
  readonly rate: number;
  /** Latency percentiles of the calls, in ms. */
  readonly p50: number;
  readonly p99: number;
}

/** Runs `total` calls with `concurrency` of them in flight at any time. */
export async function throughput(
  total: number,
  concurrency: number,
  op: (i: number) => Promise<unknown>,
): Promise<Throughput> {
  let next = 0;
  const latencies: number[] = [];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        const i = next++;
        const t = performance.now();
        await op(i);
        latencies.push(performance.now() - t);
      }
    }),
  );
  const rate = total / ((performance.now() - started) / 1000);
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * q))]!;
  return { rate, p50: at(0.5), p99: at(0.99) };
}

/**
 * The delivery-backlog benches' measure: `claims` claims back to back on a queue whose every
 * row waits behind a failing head, each timed (none may hand anything out); prints the first
 * and last five.
 */
export async function timeBacklogClaims(
  store: string,
  queue: { claim(limit: number, leaseMs: number): Promise<unknown[]> },
  queued: number,
  rooms: number,
  claims: number,
): Promise<void> {
  const times: number[] = [];
  for (let k = 0; k < claims; k++) {
    const started = performance.now();
    const claimed = await queue.claim(64, 15_000);
    times.push(performance.now() - started);
    if (claimed.length > 0) throw new Error('a held-back row was handed out');
  }
  const fmt = (xs: number[]) => xs.map((t) => t.toFixed(1)).join(', ');
  console.log(
    `${store}: claims over ${queued.toLocaleString('en')} queued deliveries behind ${rooms} failing heads (ms): first 5: ${fmt(times.slice(0, 5))}; last 5: ${fmt(times.slice(-5))}`,
  );
}
