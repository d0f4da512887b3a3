import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestService, type TestService } from '../testing/http-harness.js';

const HEADERS_TIMEOUT_MS = 600;
const REQUEST_TIMEOUT_MS = 1_200;
const KEEP_ALIVE_TIMEOUT_MS = 400;
const MAX_CONNECTIONS = 40;
/** Node checks the timeouts on an interval (a quarter of the shortest, here 150 ms); margin for a loaded machine (without the limits, sockets stay open 300 s). */
const SLACK_MS = 2_000;
/** Node 20 closes an idle keep-alive socket a second after keepAliveTimeout (its `Keep-Alive: timeout` header says less). */
const NODE_KEEP_ALIVE_BUFFER_MS = 1_000;

let svc: TestService;
let port: number;
beforeAll(async () => {
  svc = await startTestService({
    env: {
      HTTP_HEADERS_TIMEOUT_MS: String(HEADERS_TIMEOUT_MS),
      HTTP_REQUEST_TIMEOUT_MS: String(REQUEST_TIMEOUT_MS),
      HTTP_KEEP_ALIVE_TIMEOUT_MS: String(KEEP_ALIVE_TIMEOUT_MS),
      HTTP_MAX_CONNECTIONS: String(MAX_CONNECTIONS),
      HTTP_MAX_REQUESTS_PER_SOCKET: '2',
    },
  });
  port = Number(new URL(svc.url).port);
});
afterAll(() => svc.close());

interface Watched {
  readonly socket: Socket;
  /** Milliseconds from connecting until the server closed it. */
  readonly closed: Promise<number>;
  /** Everything the server sent. */
  received(): string;
}

function open(): Promise<Watched> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const socket = connect(port, '127.0.0.1');
    let text = '';
    socket.setEncoding('utf8').on('data', (chunk) => (text += chunk));
    const closed = new Promise<number>((done) => socket.on('close', () => done(performance.now() - started)));
    socket.on('error', () => {});
    socket.once('connect', () => resolve({ socket, closed, received: () => text }));
    socket.once('error', reject);
  });
}

/** Writes `text` a byte every `everyMs` until the socket closes. */
function trickle(socket: Socket, text: string, everyMs: number): void {
  let i = 0;
  const timer = setInterval(() => {
    if (socket.destroyed || i >= text.length) return clearInterval(timer);
    socket.write(text[i++]!);
  }, everyMs);
  socket.on('close', () => clearInterval(timer));
}

describe('server limits', () => {
  it('200 sockets sending a body slowly are answered 408 in the error envelope and closed within the request timeout', async () => {
    const sockets = await Promise.all(Array.from({ length: 200 }, () => open()));
    // Only MAX_CONNECTIONS of them are kept; the rest are closed at once (see the cap below).
    for (const s of sockets) {
      s.socket.write(
        `POST ${svc.appPath('/token')} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{`,
      );
      trickle(s.socket, 'x'.repeat(999), 100);
    }
    const closedAfter = await Promise.all(sockets.map((s) => s.closed));
    expect(Math.max(...closedAfter)).toBeLessThan(REQUEST_TIMEOUT_MS + SLACK_MS);
    const answered = sockets.filter((s) => s.received() !== '');
    expect(answered.length).toBeGreaterThan(0);
    for (const s of answered) {
      expect(s.received()).toMatch(/^HTTP\/1\.1 408 Request Timeout\r\n/);
      expect(s.received()).toContain('"error":"request_timeout"');
    }
  });

  it('a socket sending its headers slowly is closed within the headers timeout', async () => {
    const s = await open();
    trickle(s.socket, `GET /health HTTP/1.1\r\nHost: x\r\nX-Pad: ${'a'.repeat(200)}\r\n\r\n`, 50);
    const closedAfter = await s.closed;
    expect(closedAfter).toBeGreaterThanOrEqual(HEADERS_TIMEOUT_MS - 50);
    expect(closedAfter).toBeLessThan(HEADERS_TIMEOUT_MS + SLACK_MS);
    expect(s.received()).toMatch(/^HTTP\/1\.1 408 /);
  });

  it('an idle keep-alive connection is closed after the keep-alive timeout (Node adds one second to it)', async () => {
    const s = await open();
    s.socket.write('GET /health HTTP/1.1\r\nHost: x\r\n\r\n');
    const closedAfter = await s.closed;
    expect(s.received()).toMatch(/^HTTP\/1\.1 200 /);
    expect(closedAfter).toBeGreaterThanOrEqual(KEEP_ALIVE_TIMEOUT_MS - 50);
    expect(closedAfter).toBeLessThan(KEEP_ALIVE_TIMEOUT_MS + NODE_KEEP_ALIVE_BUFFER_MS + SLACK_MS);
  });

  it('the connection cap holds: past it, connections are closed unanswered; below it again, requests are served', async () => {
    const held = await Promise.all(Array.from({ length: MAX_CONNECTIONS }, () => open()));
    // Let the server accept them all before the one over the cap.
    await new Promise((resolve) => setTimeout(resolve, 100));
    const over = await open();
    over.socket.write('GET /health HTTP/1.1\r\nHost: x\r\n\r\n');
    await over.closed;
    // Under the cap this request would have been answered 200.
    expect(over.received()).toBe('');
    for (const s of held) s.socket.destroy();
    await Promise.all(held.map((s) => s.closed));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await svc.call('GET', '/health', { token: null })).status).toBe(200);
  });

  it('a connection serves at most HTTP_MAX_REQUESTS_PER_SOCKET requests, then is told to close', async () => {
    const s = await open();
    s.socket.write('GET /health HTTP/1.1\r\nHost: x\r\n\r\nGET /health HTTP/1.1\r\nHost: x\r\n\r\n');
    await s.closed;
    const answers = s.received().split(/(?=HTTP\/1\.1 )/);
    expect(answers).toHaveLength(2);
    expect(answers[0]).toMatch(/^HTTP\/1\.1 200 [^]*Connection: keep-alive/i);
    expect(answers[1]).toMatch(/^HTTP\/1\.1 200 [^]*Connection: close/i);
  });
});
