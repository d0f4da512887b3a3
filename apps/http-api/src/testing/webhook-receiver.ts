import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { expect } from 'vitest';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Hit {
  at: number;
  headers: IncomingHttpHeaders;
  raw: string;
  body: {
    callId: string;
    security: string;
    timestamp: number;
    id: string;
    operation: string;
    payload?: any;
    [k: string]: unknown;
  };
}

/** A real webhook receiver on 127.0.0.1; `answer` decides each response (null: never answer). */
export class Receiver {
  readonly hits: Hit[] = [];
  answer: (hit: Hit) => number | null = () => 200;
  private server!: Server;
  url = '';

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const hit: Hit = { at: Date.now(), headers: req.headers, raw, body: JSON.parse(raw) };
        this.hits.push(hit);
        const status = this.answer(hit);
        if (status !== null) res.writeHead(status).end();
      });
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/callback`;
  }

  ok(room: string): Hit[] {
    return this.hits.filter((h) => h.body.id === room);
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

/** The receiver's verification, written from the reference and the README, not from our code. */
export function verified(hit: Hit, secret: string): boolean {
  const md5 = createHash('md5').update(`${hit.body.callId}${secret}${hit.body.timestamp}`).digest('hex');
  const match = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(String(hit.headers['x-chatroom-signature']));
  if (!match) return false;
  const mac = createHmac('sha256', secret).update(`${match[1]}.${hit.raw}`).digest();
  return md5 === hit.body.security && timingSafeEqual(mac, Buffer.from(match[2]!, 'hex'));
}

/**
 * The body a receiver must get for a room's CREATE (the reference's keys, in its order of
 * fields), with `member: ['bob']` placed in by owner alice and the given room `info` fields.
 */
export function createCallback(hit: Hit, appkey: string, id: string, info: Record<string, unknown>): unknown {
  return {
    callId: `${appkey}_${String(hit.headers['x-chatroom-event-id'])}`,
    security: expect.stringMatching(/^[0-9a-f]{32}$/),
    payload: {
      role: { alice: 'owner' },
      member: ['bob'],
      info: expect.objectContaining({ ...info, last_modified: String(hit.body.timestamp) }),
    },
    appkey,
    id,
    type: 'CHATROOM',
    event: 'group_op_event',
    operation: 'CREATE',
    operator: '@ppAdmin',
    timestamp: expect.any(Number),
  };
}
