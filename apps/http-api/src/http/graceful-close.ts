import { Server as NetServer } from 'node:net';
import type { Server, ServerResponse } from 'node:http';

/**
 * Prepares `server` for a graceful stop and returns the function that performs it:
 * 1. stop accepting connections at once (a balancer's next connection is refused, which every
 *    balancer retries elsewhere safely, even for a POST: nothing was sent);
 * 2. for `drainMs`, keep serving the keep-alive connections already open, every response saying
 *    `Connection: close`. Idle ones are NOT cut yet: a proxy may be writing a request on one at
 *    that instant, and a write it had sent cannot be retried. The proxy closes them itself when its
 *    own idle timeout (shorter than the drain: nginx `keepalive_timeout`) runs out;
 * 3. then close what is still idle, let requests in flight finish, and resolve once every
 *    connection is gone — or after `timeoutMs` more, when the stragglers are cut.
 */
export function gracefulCloser(server: Server): (timeoutMs: number, drainMs?: number) => Promise<void> {
  const inFlight = new Set<ServerResponse>();
  let closing = false;
  // Before the app's own handler, which may answer synchronously.
  server.prependListener('request', (_req, res: ServerResponse) => {
    if (closing) res.setHeader('connection', 'close');
    inFlight.add(res);
    res.once('close', () => inFlight.delete(res));
  });
  return (timeoutMs, drainMs = 0) => {
    closing = true;
    for (const res of inFlight) if (!res.headersSent) res.setHeader('connection', 'close');
    return new Promise((resolve) => {
      const deadline = setTimeout(() => server.closeAllConnections(), drainMs + timeoutMs);
      deadline.unref();
      // net.Server's close, not http.Server's: the latter also cuts idle connections at once.
      NetServer.prototype.close.call(server, () => {
        clearTimeout(deadline);
        resolve();
      });
      if (drainMs === 0) server.closeIdleConnections();
      else setTimeout(() => server.closeIdleConnections(), drainMs).unref();
    });
  };
}
