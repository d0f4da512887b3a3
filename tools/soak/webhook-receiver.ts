import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';

/**
 * The app's webhook endpoint for the soak: answers 200 to every callback whose `security` checks
 * out (MD5 of callId + secret + timestamp, as Easemob computes it) and keeps, per room, the events
 * in the order they first arrived. It can go away and come back (`stop`, `start`).
 */
export class WebhookReceiver {
  private server: Server | undefined;
  /** Per room, event ids in order of first arrival. */
  readonly firstArrivals = new Map<string, string[]>();
  private readonly seen = new Set<string>();
  duplicates = 0;
  badSignatures = 0;
  /** Lag (arrival − commit, ms) of each first arrival since the last `takeLags`. */
  private lags: number[] = [];

  constructor(
    readonly port: number,
    private readonly secret: string,
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}/easemob-callback`;
  }

  get received(): number {
    return this.seen.size;
  }

  start(): Promise<void> {
    const server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        try {
          this.accept(JSON.parse(Buffer.concat(chunks).toString('utf8')));
          response.writeHead(200).end('ok');
        } catch (error) {
          response.writeHead(400).end((error as Error).message);
        }
      });
    });
    this.server = server;
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
  }

  /** Gone as a crashed receiver is: the port refuses connections, open ones are cut. */
  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    const closed = new Promise((resolve) => server.close(resolve));
    server.closeAllConnections();
    await closed;
  }

  takeLags(): number[] {
    const lags = this.lags;
    this.lags = [];
    return lags;
  }

  private accept(body: { callId: string; security: string; timestamp: number; id: string; operation: string }): void {
    const expected = createHash('md5').update(`${body.callId}${this.secret}${body.timestamp}`).digest('hex');
    if (body.security !== expected) {
      this.badSignatures++;
      throw new Error('bad security');
    }
    const eventId = body.callId.slice(body.callId.lastIndexOf('_') + 1);
    if (this.seen.has(eventId)) {
      this.duplicates++;
      return;
    }
    this.seen.add(eventId);
    const room = this.firstArrivals.get(body.id) ?? [];
    room.push(eventId);
    this.firstArrivals.set(body.id, room);
    this.lags.push(Date.now() - body.timestamp);
  }
}
