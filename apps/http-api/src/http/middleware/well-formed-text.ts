import { errors } from '@chatroom/domain';
import type { Middleware } from 'koa';
import type { RequestState } from '../state.js';

/**
 * Text the store cannot hold as sent: U+0000 (PostgreSQL text refuses it) and unpaired
 * UTF-16 surrogates (not Unicode; UTF-8 would silently turn them into U+FFFD).
 */
const ILL_FORMED = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Where the first ill-formed string (or key) sits, in document order, or null. Walks with an
 * explicit stack: JSON nested tens of thousands deep parses fine but would overflow recursion.
 */
function illFormedAt(body: unknown): string | null {
  // Each entry: a value, where it sits, and whether the key that names it is itself ill-formed.
  const pending: [unknown, string, boolean][] = [[body, '', false]];
  while (pending.length > 0) {
    const [value, path, badKey] = pending.pop()!;
    if (badKey) return path;
    if (typeof value === 'string') {
      if (ILL_FORMED.test(value)) return path;
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    const entries = Object.entries(value);
    // Pushed last to first, so the first child is looked at next (document order).
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, inner] = entries[i]!;
      const here = Array.isArray(value) ? `${path}[${key}]` : path === '' ? key : `${path}.${key}`;
      pending.push([inner, here, ILL_FORMED.test(key)]);
    }
  }
  return null;
}

/** Refuses a parsed JSON body with such text anywhere, naming where (400 invalid_parameter). */
export function assertWellFormedBody(body: unknown): void {
  const at = illFormedAt(body);
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
