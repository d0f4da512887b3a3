import { Agent, createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { gracefulCloser } from './graceful-close.js';

/** A GET on `agent`; resolves with the status and the `connection` header of the answer. */
function get(port: number, agent: Agent | false): Promise<{ status: number; connection: string | undefined }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: '/', agent }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode!, connection: res.headers.connection }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('gracefulCloser', () => {
  let server: Server;
  let agent: Agent;
  afterEach(() => {
    agent?.destroy();
    server?.closeAllConnections();
  });

  async function start() {
    server = createServer((_req, res) => res.end('ok'));
    const close = gracefulCloser(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    // One kept-alive connection, like a proxy's upstream pool.
    agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const port = (server.address() as AddressInfo).port;
    expect((await get(port, agent)).connection).toBe('keep-alive');
    return { close, port };
  }

  it('during the drain: refuses new connections, still serves an open keep-alive one with Connection: close, then resolves', async () => {
    const { close, port } = await start();
    let closed = false;
    const closing = close(5_000, 400).then(() => (closed = true));

    await expect(get(port, false)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    // The connection that was idle when the stop began is still served (not cut under the proxy).
    const answer = await get(port, agent);
    expect(answer).toEqual({ status: 200, connection: 'close' });
    await closing;
    expect(closed).toBe(true);
  });

  it('an idle connection is kept for the drain period, then closed', async () => {
    const { close } = await start();
    const began = performance.now();
    await close(5_000, 300);
    const took = performance.now() - began;
    expect(took).toBeGreaterThanOrEqual(290);
    expect(took).toBeLessThan(3_000);
  });

  it('without a drain period, idle connections are closed at once', async () => {
    const { close } = await start();
    const began = performance.now();
    await close(5_000);
    expect(performance.now() - began).toBeLessThan(250);
  });
});
