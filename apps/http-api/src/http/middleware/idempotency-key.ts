import type { IdempotencyRunner, StoredResponse } from '@chatroom/domain';
import type { Middleware } from 'koa';
import { createHash } from 'node:crypto';
import { TransportError, transportErrors } from '../transport-errors.js';
import type { AppContext, RequestState } from '../state.js';

/** Keys live this long; then the same key is a new request. */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;
const KEY = /^[\x21-\x7e]{1,255}$/;
const WRITES = new Set(['POST', 'PUT', 'DELETE']);

/**
 * `Idempotency-Key` on POST, PUT and DELETE (issue 11): the first 2xx response is stored in the
 * transaction of its change; a repeat with the same key and the same request (method, path,
 * query, raw body) gets it again with `Idempotent-Replayed: true`; the same key on another
 * request → 422; while the first is still running → 409. Errors are not stored (they changed
 * nothing): a repeat runs again. Without the header, or on a store without a runner (the
 * in-memory one), nothing changes. Runs after authentication, so keys are per app.
 */
export function idempotencyKey(runner: IdempotencyRunner | undefined, bodyLimitBytes: number): Middleware<RequestState> {
  return async (ctx, next) => {
    const key = ctx.get('idempotency-key');
    if (!key || !runner || !WRITES.has(ctx.method)) return next();
    if (!KEY.test(key)) throw invalidKey();
    const outcome = await runner.execute(ctx.state.app.id, key, IDEMPOTENCY_TTL_MS, {
      replay: async (stored) => {
        if (fingerprint(ctx, await readBody(ctx, bodyLimitBytes)) !== stored.fingerprint) throw keyReused();
        ctx.status = stored.status;
        ctx.type = 'application/json; charset=utf-8';
        ctx.body = stored.body;
        ctx.set('Idempotent-Replayed', 'true');
      },
      run: async (): Promise<StoredResponse | null> => {
        await next();
        if (ctx.status < 200 || ctx.status >= 300) return null;
        const rawBody = (ctx.request as { rawBody?: string }).rawBody ?? '';
        return { fingerprint: fingerprint(ctx, rawBody), status: ctx.status, body: JSON.stringify(ctx.body) };
      },
    });
    if (outcome === 'in-progress') throw keyInProgress();
  };
}

function fingerprint(ctx: AppContext, rawBody: string): string {
  return createHash('sha256').update(`${ctx.method}\n${ctx.path}\n${ctx.querystring}\n${rawBody}`).digest('hex');
}

/** The raw body of a replayed request (the JSON parser has not run: the handler never will). */
async function readBody(ctx: AppContext, limitBytes: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of ctx.req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limitBytes) throw transportErrors.payloadTooLarge(limitBytes);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

const invalidKey = () =>
  new TransportError(400, 'invalid_parameter', 'Idempotency-Key must be 1 to 255 visible ASCII characters', 'IllegalArgumentException');
const keyReused = () =>
  new TransportError(
    422,
    'idempotency_key_reused',
    'Idempotency-Key was already used for a different request',
    'IdempotencyKeyReusedException',
  );
const keyInProgress = () =>
  new TransportError(
    409,
    'idempotency_key_in_progress',
    'a request with this Idempotency-Key is still running',
    'IdempotencyKeyInProgressException',
    { 'retry-after': '1' },
  );
