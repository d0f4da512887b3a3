import type { BootstrapCredentials } from '../cluster-state.js';

/** One request as the load generator saw it. */
export interface Outcome {
  /** Sent as X-Request-Id: nginx logs it with the instances it tried. */
  readonly requestId: string;
  readonly op: string;
  readonly method: string;
  /** HTTP status; 0 when no answer came (connection error or timeout). */
  readonly status: number;
  readonly retryAfter: string | null;
  readonly startedAt: number;
  readonly endedAt: number;
  readonly body: any;
  /** The network error, when status is 0. */
  readonly error?: string;
}

export interface ChatClientOptions {
  /**
   * Where each outcome goes; by default into `outcomes` (a long run passes its own sink, so
   * that memory does not grow with the request count).
   */
  readonly record?: (outcome: Outcome) => void;
}

/**
 * A minimal Easemob REST client over fetch (keep-alive), for load on 127.0.0.1: through nginx
 * (one base URL), or straight to several instances in turn, going to the next one when a
 * connection is refused (the request never reached the first, so sending it again is safe).
 */
export class ChatClient {
  private token = '';
  private sent = 0;
  private turn = 0;
  private readonly idPrefix = `load-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
  private readonly baseUrls: readonly string[];
  readonly outcomes: Outcome[] = [];

  constructor(
    baseUrl: string | readonly string[],
    private readonly app: BootstrapCredentials,
    private readonly options: ChatClientOptions = {},
  ) {
    this.baseUrls = typeof baseUrl === 'string' ? [baseUrl] : baseUrl;
  }

  private appBase(base: string): string {
    return `${base}/${this.app.org}/${this.app.app}`;
  }

  async login(): Promise<void> {
    const answer = await this.call('token', 'POST', '/token', {
      grant_type: 'client_credentials',
      client_id: this.app.clientId,
      client_secret: this.app.clientSecret,
    });
    if (answer.status !== 200) throw new Error(`token: ${answer.status} ${JSON.stringify(answer.body)}`);
    this.token = answer.body.access_token;
  }

  /** Sends one request; every outcome is also kept in `outcomes`. Never throws. */
  async call(op: string, method: string, path: string, body?: unknown): Promise<Outcome> {
    const requestId = `${this.idPrefix}-${++this.sent}`;
    const startedAt = performance.now();
    const first = this.turn++;
    let outcome: Outcome;
    for (let attempt = 0; ; attempt++) {
      outcome = await this.send(
        this.baseUrls[(first + attempt) % this.baseUrls.length]!,
        requestId,
        startedAt,
        op,
        method,
        path,
        body,
      );
      if (outcome.error !== 'ECONNREFUSED' || attempt + 1 >= this.baseUrls.length) break;
    }
    if (this.options.record) this.options.record(outcome);
    else this.outcomes.push(outcome);
    return outcome;
  }

  private async send(
    base: string,
    requestId: string,
    startedAt: number,
    op: string,
    method: string,
    path: string,
    body: unknown,
  ): Promise<Outcome> {
    let outcome: Outcome;
    try {
      const response = await fetch(`${this.appBase(base)}${path}`, {
        method,
        headers: {
          'x-request-id': requestId,
          ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        },
        body: body !== undefined ? JSON.stringify(body) : undefined,
        signal: AbortSignal.timeout(30_000),
      });
      const text = await response.text();
      let parsed: unknown = text;
      try {
        parsed = JSON.parse(text);
      } catch {
        // nginx's own error pages are HTML: keep the text.
      }
      outcome = {
        requestId,
        op,
        method,
        status: response.status,
        retryAfter: response.headers.get('retry-after'),
        startedAt,
        endedAt: performance.now(),
        body: parsed,
      };
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause?.code;
      outcome = {
        requestId,
        op,
        method,
        status: 0,
        retryAfter: null,
        startedAt,
        endedAt: performance.now(),
        body: null,
        error: cause ?? (error as Error).message,
      };
    }
    return outcome;
  }
}

/** Requests by status, e.g. `{ "200": 812, "503": 95 }`. */
export function byStatus(outcomes: readonly Outcome[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const o of outcomes) counts[o.status] = (counts[o.status] ?? 0) + 1;
  return counts;
}

export const isWrite = (o: Outcome) => o.method !== 'GET';
export const ok = (o: Outcome) => o.status >= 200 && o.status < 300;
