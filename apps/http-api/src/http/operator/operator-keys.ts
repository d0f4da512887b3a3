import type { IdempotencyRunner } from '@chatroom/domain';
import type { Middleware } from 'koa';
import { createHash } from 'node:crypto';
import { idempotencyKey, type KeyScope } from '../middleware/idempotency-key.js';
import type { AppRouter } from '../route-kit/route-kit.js';
import type { RequestState } from '../state.js';
import { TransportError } from '../transport-errors.js';
import { ADMIN_PREFIX } from './operator-kit.js';

const WRITES = new Set(['POST', 'PUT', 'DELETE']);

/**
 * An operator's key is stored under the app its change concerns (the table the app routes use,
 * in the transaction of the change), as `operator <sha256 of name and key>`: the space never
 * occurs in a client's key, so no app's key and no other operator's key can meet it.
 */
export const operatorKeyScope: KeyScope = (ctx, key) => ({
  appId: ctx.state.app.id,
  key: `operator ${createHash('sha256').update(`${ctx.state.operator!.name}\n${key}`).digest('hex')}`,
});

/** Refuses an `Idempotency-Key` on a change that cannot keep its answer for a replay. */
export function refuseKey(why: string): Middleware<RequestState> {
  return async (ctx, next) => {
    if (ctx.get('idempotency-key') && WRITES.has(ctx.method)) {
      throw new TransportError(
        400,
        'invalid_parameter',
        `Idempotency-Key is not taken here: ${why}`,
        'IllegalArgumentException',
      );
    }
    await next();
  };
}

/** On a change whose answer shows a secret once (kept hashed or sealed, never stored for a replay). */
export const secretOnce = refuseKey('the answer shows a secret once, which is never stored to be shown again');
const noApp = refuseKey('only changes to an existing app (its rooms, webhooks, tokens and limits) take one');

/**
 * Gives every operator change behind `tenant` the Idempotency-Key middleware right after it
 * (keys per operator, stored with the app), and every other operator change a refusal of keys
 * after sign-in: creating or deleting an app and the session's own routes have no app to keep
 * the key with (deleting one would delete its keys with it).
 */
export function operatorKeyedRoutes(
  router: AppRouter,
  signedIn: Middleware<RequestState>,
  tenant: Middleware<RequestState>,
  runner: IdempotencyRunner | undefined,
  bodyLimitBytes: number,
): void {
  type Layer = (typeof router.stack)[number];
  type Handler = Layer['stack'][number];
  for (const layer of router.stack) {
    if (
      typeof layer.path !== 'string' ||
      !layer.path.startsWith(`${ADMIN_PREFIX}/`) ||
      !layer.methods.some((m) => WRITES.has(m))
    )
      continue;
    if (layer.stack.includes(secretOnce as Handler)) continue;
    const at = layer.stack.indexOf(tenant as Handler);
    if (at < 0) {
      const after = layer.stack.indexOf(signedIn as Handler) + 1;
      layer.stack = [...layer.stack.slice(0, after), noApp as Handler, ...layer.stack.slice(after)];
      continue;
    }
    const downstream = layer.stack.slice(at + 1) as Middleware<RequestState>[];
    layer.stack = [
      ...layer.stack.slice(0, at + 1),
      idempotencyKey(runner, bodyLimitBytes, downstream, operatorKeyScope) as Handler,
    ];
  }
}
