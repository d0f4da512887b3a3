import { errors } from '@chatroom/domain';
import type { Middleware } from 'koa';
import type { RequestState } from '../state.js';

/**
 * Text the store cannot hold as sent: U+0000 (PostgreSQL text refuses it) and unpaired
 * UTF-16 surrogates (not Unicode; UTF-8 would silently turn them into U+FFFD).
 */
const ILL_FORMED = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function illFormedAt(value: unknown, path: string): string | null {
  if (typeof value === 'string') return ILL_FORMED.test(value) ? path : null;
  if (typeof value !== 'object' || value === null) return null;
  for (const [key, inner] of Object.entries(value)) {
    const here = Array.isArray(value) ? `${path}[${key}]` : path === '' ? key : `${path}.${key}`;
    if (ILL_FORMED.test(key)) return here;
    const found = illFormedAt(inner, here);
    if (found !== null) return found;
  }
  return null;
}

/** Refuses a parsed JSON body with such text anywhere, naming where (400 invalid_parameter). */
export function assertWellFormedBody(body: unknown): void {
  const at = illFormedAt(body, '');
  if (at !== null) {
    throw errors.invalidParameter(`${at || 'request body'} must not contain NUL characters or unpaired surrogates`);
  }
}

/** Refuses `%00` in the path: no org, app, user or room id can contain it (400 invalid_parameter). */
export function wellFormedPath(): Middleware<RequestState> {
  return async (ctx, next) => {
    if (ctx.path.includes('%00')) throw errors.invalidParameter('request path must not contain NUL characters');
    await next();
  };
}
