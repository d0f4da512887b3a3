import { Agent, request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestService, type TestService } from '../../testing/http-harness.js';
import { DRAINED_BODY_BYTES } from '../transport-errors.js';

let svc: TestService;
beforeAll(async () => {
  svc = await startTestService();
});
afterAll(() => svc.close());

interface Answer {
  status: number;
  connection: string | undefined;
  reusedSocket: boolean;
}

/** A POST of `bytes` spaces (declared by Content-Length, written whole) on `agent`. */
function post(agent: Agent, path: string, bytes: number): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${svc.url}${path}`,
      { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': bytes } },
      (res) => {
        res.resume();
        res.on('end', () =>
          resolve({ status: res.statusCode!, connection: res.headers.connection, reusedSocket: req.reusedSocket }),
        );
      },
    );
    req.on('error', reject);
    req.end(Buffer.alloc(bytes, 0x20));
  });
}

describe('a body over the limit, as a proxy sends it (declared length, written whole)', () => {
  it('up to the drain size: 413, the body read to its end, and the same connection serves the next request', async () => {
    // A proxy (nginx) writes the whole body before it reads the answer: a connection closed under
    // it becomes its client's 502. The keep-alive socket being reused shows the server read the
    // body to its end instead of closing.
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const first = await post(agent, svc.appPath('/token'), 2 * 1024 * 1024);
      expect(first).toMatchObject({ status: 413, connection: 'keep-alive' });
      const second = await post(agent, svc.appPath('/token'), 1024 * 1024);
      expect(second).toMatchObject({ status: 413, reusedSocket: true });
    } finally {
      agent.destroy();
    }
  });

  it('past the drain size: 413 and the connection is closed rather than read', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const answer = await post(agent, svc.appPath('/token'), DRAINED_BODY_BYTES + 1).catch(() => null);
      // The server may close before the client has written it all: either a 413 with
      // Connection: close, or a reset on the client's side; never a kept connection.
      if (answer !== null) expect(answer).toMatchObject({ status: 413, connection: 'close' });
    } finally {
      agent.destroy();
    }
  });
});
