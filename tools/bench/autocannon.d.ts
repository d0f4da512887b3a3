// autocannon ships no types; this declares the part the benches use.
declare module 'autocannon' {
  namespace autocannon {
    interface Options {
      url: string;
      method?: string;
      connections?: number;
      duration?: number;
      /** Requests per second across all connections (a paced load). */
      overallRate?: number;
      amount?: number;
      headers?: Record<string, string>;
      body?: string;
      requests?: {
        method?: string;
        path?: string;
        setupRequest?: (request: Record<string, unknown>) => Record<string, unknown>;
      }[];
    }
    interface Histogram {
      average: number;
      total: number;
      p50: number;
      p99: number;
    }
    interface Result {
      requests: Histogram;
      latency: Histogram;
      duration: number;
      non2xx: number;
      statusCodeStats: Record<string, { count: number }>;
      errors: number;
    }
  }
  function autocannon(options: autocannon.Options): Promise<autocannon.Result>;
  export default autocannon;
}
