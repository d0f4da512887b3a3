import type { IdempotencyRunner, StoredResponse } from '@chatroom/domain';
import type { Middleware } from 'koa';
import compose from 'koa-compose';
import { createHash } from 'node:crypto';
import { TransportError, transportErrors } from '../transport-errors.js';
import type { AppRouter } from '../route-kit/route-kit.js';
import type { AppContext, RequestState } from '../state.js';
import { IDEMPOTENCY_TTL_MS } from '../../ports/idempotency.js';

const KEY = /^[\x21-\x7e]{1,255}$/;
const WRITES = new Set(['POST', 'PUT', 'DELETE']);

/**
 * Where a key is stored: the app it belongs to and the key as stored. App routes store the
 * client's key as sent, under the app that authenticated; other callers (the operator API)
 * store their keys in a namespace of their own under the app the change concerns.
 */
export type KeyScope = (ctx: AppContext, key: string) => { readonly appId: string; readonly key: string };
const perApp: KeyScope = (ctx, key) => ({ appId: ctx.state.app.id, key });

/**
 * `Idempotency-Key` on POST, PUT and DELETE: the first 2xx response is stored in the
 * transaction of its change; a repeat with the same key and the same request (method, path,
 * query, raw body) gets it again with `Idempotent-Replayed: true`; the same key on another
 * request → 422; while the first is still running → 409. Errors are not stored (they changed
 * nothing): a repeat runs again. Without the header, or on a store without a runner (the
 * in-memory one), nothing changes. Runs after authentication, so keys are per app.
 *
 * The runner runs a keyed request again when a conflict rolled its transaction back, and
 * koa-compose lets a middleware call `next()` once only; so this middleware is not handed Koa's
 * `next` but the rest of its route's stack (`downstream`: body parser, handler), composed anew
 * for each run (see `keyedRoutes`). Each run after the first starts from a fresh response; the
 * body already parsed is reused. Koa sends the response only once this returns, after the
 * commit, so a rolled-back run's response never leaves.
 */
export function idempotencyKey(
  runner: IdempotencyRunner | undefined,
  bodyLimitBytes: number,
  downstream: Middleware<RequestState>[],
  scope: KeyScope = perApp,
): Middleware<RequestState> {
  const rest = compose(downstream);
  return async (ctx, next) => {
    const key = ctx.get('idempotency-key');
    if (!key || !runner || !WRITES.has(ctx.method)) return rest(ctx, next);
    if (!KEY.test(key)) throw invalidKey();
    const fresh = freshResponses(ctx);
    const stored = scope(ctx, key);
    const outcome = await runner.execute(stored.appId, stored.key, IDEMPOTENCY_TTL_MS, {
      replay: async (stored) => {
        fresh();
        if (fingerprint(ctx, await rawBodyOf(ctx, bodyLimitBytes)) !== stored.fingerprint) throw keyReused();
        ctx.status = stored.status;
        ctx.type = 'application/json; charset=utf-8';
        ctx.body = stored.body;
        ctx.set('Idempotent-Replayed', 'true');
      },
      run: async (): Promise<StoredResponse | null> => {
        fresh();
        await rest(ctx, next);
        if (ctx.status < 200 || ctx.status >= 300) return null;
        const rawBody = (ctx.request as { rawBody?: string }).rawBody ?? '';
        return { fingerprint: fingerprint(ctx, rawBody), status: ctx.status, body: JSON.stringify(ctx.body) };
      },
    });
    if (outcome === 'in-progress') {
      fresh();
      throw keyInProgress();
    }
  };
}

/**
 * Gives every route that lists `authenticated` the Idempotency-Key middleware right after it,
 * over the rest of that route's stack: the order stays as the route wrote it (authentication,
 * key, body, handler), and the rest can be dispatched again for a retry.
 */
export function keyedRoutes(
  router: AppRouter,
  authenticated: Middleware<RequestState>,
  runner: IdempotencyRunner | undefined,
  bodyLimitBytes: number,
  scope: KeyScope = perApp,
): void {
  for (const layer of router.stack) {
    const at = layer.stack.indexOf(authenticated as (typeof layer.stack)[number]);
    if (at < 0) continue;
    const downstream = layer.stack.slice(at + 1) as Middleware<RequestState>[];
    layer.stack = [
      ...layer.stack.slice(0, at + 1),
      idempotencyKey(runner, bodyLimitBytes, downstream, scope) as (typeof layer.stack)[number],
    ];
  }
}

/**
 * Returns a function to call at the start of each run of a keyed request: from the second on, it
 * undoes what the earlier run left on the response. Koa keeps status and headers on the Node
 * response (put back as they were before the first run) and the body in its response object,
 * which is replaced by a new one, as Koa makes it for each request.
 */
function freshResponses(ctx: AppContext): () => void {
  const { statusCode, statusMessage } = ctx.res;
  const headers = ctx.res.getHeaders();
  let runs = 0;
  return () => {
    if (runs++ === 0) return;
    const { res } = ctx;
    for (const name of res.getHeaderNames()) res.removeHeader(name);
    for (const [name, value] of Object.entries(headers)) if (value !== undefined) res.setHeader(name, value);
    res.statusCode = statusCode;
    res.statusMessage = statusMessage;
    const response = Object.create(ctx.app.response) as AppContext['response'];
    Object.assign(response, { app: ctx.app, req: ctx.req, res, ctx, request: ctx.request });
    ctx.request.response = response;
    ctx.response = response;
  };
}

function fingerprint(ctx: AppContext, rawBody: string): string {
  return createHash('sha256').update(`${ctx.method}\n${ctx.path}\n${ctx.querystring}\n${rawBody}`).digest('hex');
}

/** The raw body: as the JSON parser kept it when an earlier run read it, else read here. */
async function rawBodyOf(ctx: AppContext, limitBytes: number): Promise<string> {
  return (ctx.request as { rawBody?: string }).rawBody ?? readBody(ctx, limitBytes);
}

/** The raw body of a request whose handler has not run. */
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
  new TransportError(
    400,
    'invalid_parameter',
    'Idempotency-Key must be 1 to 255 visible ASCII characters',
    'IllegalArgumentException',
  );
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
