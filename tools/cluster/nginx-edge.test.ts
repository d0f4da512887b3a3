import { mkdirSync, mkdtempSync, rmSync, chmodSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureDebianPackages } from './debian-packages.js';
import { stopProcess, type ProcessRecord } from './local-process.js';
import { easemobErrorProblems, edgeProbes, hostileRequests, probeEdge, sendHostile } from './load/edge-probes.js';
import { httpRequest, rawRequest } from './load/raw-http.js';
import { startNginx } from './nginx.js';

/**
 * deploy/nginx as shipped, in front of a stand-in upstream that reports what reached it: what
 * nginx itself does to a request (X-Forwarded-For, its own error answers), apart from the service.
 * The fault tests (cluster-faults.test.ts) send the same probes through the whole topology.
 */
const NGINX_PORT = 18220;

let dir: string;
let nginx: ProcessRecord | undefined;
let upstream: Server;
let upstreamPort: number;
const seen: IncomingHttpHeaders[] = [];

beforeAll(async () => {
  ensureDebianPackages();
  dir = mkdtempSync(join(tmpdir(), 'chatroom-nginx-edge-'));
  chmodSync(dir, 0o755);
  mkdirSync(join(dir, 'logs'), { mode: 0o755 });
  upstream = createServer((request, response) => {
    seen.push(request.headers);
    request.resume();
    request.on('end', () => response.writeHead(200, { 'Content-Type': 'application/json' }).end('{}'));
  });
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
  upstreamPort = (upstream.address() as { port: number }).port;
  nginx = await startNginx(dir, NGINX_PORT, [upstreamPort]);
}, 120_000);

afterAll(async () => {
  if (nginx) await stopProcess(nginx);
  upstream?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('nginx of deploy/ at the edge', () => {
  it('replaces the X-Forwarded-For a client wrote with the address it saw', async () => {
    seen.length = 0;
    const response = await rawRequest(
      NGINX_PORT,
      httpRequest('GET', '/health', { 'X-Forwarded-For': '203.0.113.7, 198.51.100.2' }),
    );
    expect(response.status).toBe(200);
    expect(seen.map((h) => h['x-forwarded-for'])).toEqual(['127.0.0.1']);
  });

  it('answers every request it refuses itself with the Easemob error body in JSON', async () => {
    // The 2 MiB body passes nginx (the stand-in accepts it); the rest nginx refuses.
    const probes = edgeProbes('/org/app').filter((p) => p.name !== '2 MiB body');
    expect(await probeEdge(NGINX_PORT, probes)).toEqual({});
  });

  it('10,000 hostile requests: every refusal is the Easemob JSON error body', async () => {
    const { byStatus, notEasemob } = await sendHostile(NGINX_PORT, hostileRequests('/org/app', 10_000));
    console.log(
      `10,000 hostile requests through deploy/nginx: by status ${JSON.stringify(byStatus)}; not an Easemob JSON error: ${JSON.stringify(notEasemob)}`,
    );
    expect(notEasemob).toEqual({});
  }, 120_000);

  it('an outside request for its error pages gets the JSON 404, not the page', async () => {
    const response = await rawRequest(NGINX_PORT, httpRequest('GET', '/.chat-errors/502'));
    expect(easemobErrorProblems(response, 404)).toEqual([]);
  });

  it('with the upstream down: reads and writes get a JSON 502', async () => {
    await new Promise((resolve) => upstream.close(resolve));
    upstream.closeAllConnections();
    const read = await rawRequest(NGINX_PORT, httpRequest('GET', '/org/app/chatrooms'));
    const write = await rawRequest(
      NGINX_PORT,
      httpRequest('POST', '/org/app/users', { 'Content-Type': 'application/json' }, Buffer.from('{}')),
    );
    expect({ read: easemobErrorProblems(read, 502), write: easemobErrorProblems(write, 502) }).toEqual({
      read: [],
      write: [],
    });
  });
});
