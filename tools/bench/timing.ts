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
