import { errors } from '@chatroom/domain';
import type { Middleware } from 'koa';
import getRawBody from 'raw-body';
import { refuseTooLarge, transportErrors } from '../transport-errors.js';
import type { RequestState } from '../state.js';
import { assertWellFormedBody } from './well-formed-text.js';

/**
 * A JSON body for an unauthenticated route: read as text up to `limitBytes` (a declared length
 * over it is refused before a byte is read), and refused when its arrays and objects nest deeper
 * than `maxDepth`, before it is parsed; parsing a deeply nested body holds the event loop for as
 * long as the body is large. Media types are read as jsonBody reads them: no body is `{}`,
 * JSON under any declared type, 415 only for a non-JSON type whose body does not parse.
 */
export function boundedJsonBody(limitBytes: number, maxDepth: number): Middleware<RequestState> {
  return async (ctx, next) => {
    if (ctx.request.body !== undefined) return next();
    const type = ctx.is('application/json');
    if (type === null || ctx.request.length === 0) {
      ctx.request.body = {};
      return next();
    }
    let text: string;
    try {
      text = await getRawBody(ctx.req, { limit: limitBytes, length: ctx.request.length, encoding: 'utf8' });
    } catch (thrown) {
      if ((thrown as { status?: number }).status === 413) throw refuseTooLarge(ctx.req, limitBytes, ctx.request.length);
      throw errors.invalidParameter('request body could not be read');
    }
    if (nestsDeeperThan(text, maxDepth)) {
      throw errors.invalidParameter(`request body nests deeper than ${maxDepth} levels`);
    }
    let body: unknown;
    try {
      body = text.trim() === '' ? {} : JSON.parse(text);
    } catch {
      if (type === false) throw transportErrors.unsupportedMediaType();
      throw errors.invalidParameter('request body is not valid JSON');
    }
    assertWellFormedBody(body);
    ctx.request.body = body;
    await next();
  };
}

/** Whether `[` and `{` outside strings open more than `maxDepth` levels at some point; one pass. */
export function nestsDeeperThan(text: string, maxDepth: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: the next character is escaped
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x5b || c === 0x7b) {
      if (++depth > maxDepth) return true;
    } else if (c === 0x5d || c === 0x7d) {
      depth--;
    }
  }
  return false;
}
