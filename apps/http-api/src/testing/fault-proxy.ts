import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FaultSchedule {
  /** Every n-th request is answered 429 with `Retry-After: 1`. */
  readonly tooManyEvery?: number;
  /** Every n-th request is answered 503. */
  readonly unavailableEvery?: number;
  /** Every n-th request has its connection dropped before any answer. */
  readonly dropEvery?: number;
}

export interface FaultProxy {
  readonly url: string;
  /** What it received; `firstAt` and `lastAt`: when the first and the last request came (ms, performance.now()). */
  readonly seen: {
    requests: number;
    tooMany: number;
    unavailable: number;
    dropped: number;
    forwarded: number;
    firstAt: number;
    lastAt: number;
  };
  close(): Promise<void>;
}

/**
 * A reverse proxy on loopback in front of a source, injecting faults on a fixed schedule
 * (counted over every request it receives, so that a retry of a failed request may fail again).
 */
export async function startFaultProxy(target: string, schedule: FaultSchedule, port = 0): Promise<FaultProxy> {
  const upstream = new URL(target);
  const seen = { requests: 0, tooMany: 0, unavailable: 0, dropped: 0, forwarded: 0, firstAt: 0, lastAt: 0 };
  const hits = (every: number | undefined) => every !== undefined && seen.requests % every === 0;
  const server: Server = createServer((req, res) => {
    seen.requests++;
    seen.lastAt = performance.now();
    if (seen.requests === 1) seen.firstAt = seen.lastAt;
    if (hits(schedule.dropEvery)) {
      seen.dropped++;
      req.socket.destroy();
      return;
    }
    if (hits(schedule.tooManyEvery)) {
      seen.tooMany++;
      res.writeHead(429, { 'retry-after': '1', 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: 'too_many_requests', error_description: 'slow down' }));
      return;
    }
    if (hits(schedule.unavailableEvery)) {
      seen.unavailable++;
      res.writeHead(503, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: 'service_unavailable', error_description: 'try later' }));
      return;
    }
    seen.forwarded++;
    const forwarded = request(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, host: upstream.host },
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    forwarded.on('error', () => req.socket.destroy());
    req.pipe(forwarded);
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${bound}`,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
