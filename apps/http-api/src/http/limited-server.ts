import { createServer, type RequestListener, type Server } from 'node:http';
import type { ServerLimits } from '../config.js';

/** A request Node refuses before Koa sees it still gets the Easemob error body. */
function clientErrorResponse(
  status: number,
  reason: string,
  error: string,
  description: string,
  exception: string,
): string {
  const body = JSON.stringify({ error, error_description: description, exception, timestamp: 0, duration: 0 });
  return (
    `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\n` +
    `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`
  );
}

const MALFORMED = clientErrorResponse(
  400,
  'Bad Request',
  'invalid_parameter',
  'malformed HTTP request',
  'BadRequestError',
);
const TIMED_OUT = clientErrorResponse(
  408,
  'Request Timeout',
  'request_timeout',
  'the request did not arrive in time',
  'RequestTimeoutError',
);

/**
 * The HTTP server with every limit of `limits`: a client that sends its headers or its body
 * slowly is answered 408 and disconnected once `headersTimeoutMs` / `requestTimeoutMs` have
 * passed (checked every `checkEveryMs`, which Node leaves at 30 s by default), an idle
 * keep-alive connection is closed after `keepAliveTimeoutMs` (Node 20 adds a second of its own), at most `maxConnections` are
 * open at once (Node closes further ones as they are accepted), and a connection serves at
 * most `maxRequestsPerSocket` requests (0: no limit) before it is told to close.
 */
export function createLimitedServer(handler: RequestListener, limits: ServerLimits): Server {
  const shortest = Math.min(limits.headersTimeoutMs, limits.requestTimeoutMs);
  const server = createServer(
    {
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      keepAliveTimeout: limits.keepAliveTimeoutMs,
      connectionsCheckingInterval: Math.max(50, Math.min(1_000, Math.floor(shortest / 4))),
    },
    handler,
  );
  server.maxConnections = limits.maxConnections;
  server.maxRequestsPerSocket = limits.maxRequestsPerSocket;
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    if (!socket.writable) return socket.destroy();
    socket.end(error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? TIMED_OUT : MALFORMED);
  });
  return server;
}
