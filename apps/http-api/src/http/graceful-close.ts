import type { Server, ServerResponse } from 'node:http';

/**
 * Prepares `server` for a graceful stop and returns the function that performs it: stop
 * accepting connections, let requests in flight finish (their responses say
 * `Connection: close`, so keep-alive sockets end with them), and resolve once every
 * connection is gone — or after `timeoutMs`, when the stragglers are cut.
 */
export function gracefulCloser(server: Server): (timeoutMs: number) => Promise<void> {
  const inFlight = new Set<ServerResponse>();
  let closing = false;
  server.on('request', (_req, res: ServerResponse) => {
    if (closing) res.setHeader('connection', 'close');
    inFlight.add(res);
    res.once('close', () => inFlight.delete(res));
  });
  return (timeoutMs) => {
    closing = true;
    for (const res of inFlight) if (!res.headersSent) res.setHeader('connection', 'close');
    return new Promise((resolve) => {
      const deadline = setTimeout(() => server.closeAllConnections(), timeoutMs);
      deadline.unref();
      server.close(() => {
        clearTimeout(deadline);
        resolve();
      });
      server.closeIdleConnections();
    });
  };
}
