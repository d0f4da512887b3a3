import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { sampleDelivery as delivery } from './test-support/sample-delivery.js';
import { WebhookPublisher } from './webhook-publisher.js';

interface Received {
  headers: IncomingMessage['headers'];
  body: string;
}

let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

/** A real receiver on 127.0.0.1 answering with `status` (or never, when null); the publishers here opt in to loopback (allowPrivate). */
async function receiver(status: number | null): Promise<{ url: string; received: Received[] }> {
  const received: Received[] = [];
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      if (status !== null) res.writeHead(status).end('ok');
    });
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server!.address() as AddressInfo).port}/cb`, received };
}

/** The receiver's side, written from the reference and the README alone. */
function verify(r: Received, secret: string): { security: boolean; signature: boolean } {
  const body = JSON.parse(r.body) as { callId: string; timestamp: number; security: string };
  const md5 = createHash('md5')
    .update(body.callId + secret + String(body.timestamp))
    .digest('hex');
  const header = String(r.headers['x-chatroom-signature']);
  const match = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header);
  if (!match) return { security: md5 === body.security, signature: false };
  const expected = createHmac('sha256', secret).update(`${match[1]}.${r.body}`).digest();
  const fresh = Math.abs(Date.now() / 1000 - Number(match[1])) < 300;
  return {
    security: md5 === body.security,
    signature: fresh && timingSafeEqual(expected, Buffer.from(match[2]!, 'hex')),
  };
}

describe('WebhookPublisher', () => {
  it("POSTs the reference's E22 body with both signatures, which an independent verifier accepts", async () => {
    const { url, received } = await receiver(200);
    expect(await new WebhookPublisher({ timeoutMs: 2000, allowPrivate: true }).publish(delivery(url))).toEqual({
      ok: true,
    });
    expect(received).toHaveLength(1);
    const [r] = received;
    expect(r!.headers['content-type']).toBe('application/json');
    expect(r!.headers['x-chatroom-event-id']).toBe('5e0a7c16-1c2d-4e5f-8a9b-0c1d2e3f4a66');
    expect(JSON.parse(r!.body)).toEqual({
      callId: 'acme#live_5e0a7c16-1c2d-4e5f-8a9b-0c1d2e3f4a66',
      security: '055c1b978c826f0aa7697c72675424a1',
      payload: { member: ['carol', 'dave'], type: 'ADD' },
      appkey: 'acme#live',
      id: '278394562199553',
      type: 'CHATROOM',
      event: 'group_op_event',
      operation: 'WHITE',
      operator: '@ppAdmin',
      timestamp: 1735691100123,
    });
    expect(verify(r!, 'demo-secret-123')).toEqual({ security: true, signature: true });
    expect(verify(r!, 'another-secret')).toEqual({ security: false, signature: false });
  });

  it('any 2xx is success; other statuses are failures naming the status', async () => {
    const ok = await receiver(204);
    expect(await new WebhookPublisher({ timeoutMs: 2000, allowPrivate: true }).publish(delivery(ok.url))).toEqual({
      ok: true,
    });
    await new Promise<void>((resolve) => server!.close(() => resolve()));
    const bad = await receiver(503);
    expect(await new WebhookPublisher({ timeoutMs: 2000, allowPrivate: true }).publish(delivery(bad.url))).toEqual({
      ok: false,
      error: 'HTTP 503',
    });
    await new Promise<void>((resolve) => server!.close(() => resolve()));
    const moved = await receiver(302);
    expect(await new WebhookPublisher({ timeoutMs: 2000, allowPrivate: true }).publish(delivery(moved.url))).toEqual({
      ok: false,
      error: 'HTTP 302',
    });
  });

  it('a receiver that never answers fails the attempt after the timeout', async () => {
    const { url } = await receiver(null);
    const started = Date.now();
    const outcome = await new WebhookPublisher({ timeoutMs: 300, allowPrivate: true }).publish(delivery(url));
    expect(outcome.ok).toBe(false);
    expect(Date.now() - started).toBeLessThan(3000);
    server!.closeAllConnections();
  });

  it('a refused connection is a failure, not a throw', async () => {
    const outcome = await new WebhookPublisher({ timeoutMs: 1000, allowPrivate: true }).publish(
      delivery('http://127.0.0.1:9/cb'),
    );
    expect(outcome).toMatchObject({ ok: false });
  });
});
