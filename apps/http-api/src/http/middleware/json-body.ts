import { errors } from '@chatroom/domain';
import { bodyParser } from '@koa/bodyparser';
import type { Middleware } from 'koa';
import { refuseTooLarge, transportErrors } from '../transport-errors.js';
import type { RequestState } from '../state.js';
import { assertWellFormedBody } from './well-formed-text.js';

const noop = async () => {};

/**
 * For routes that take a JSON body: no body at all reads as `{}`; over `limitBytes` is a 413;
 * a body declared `application/json` that does not parse, or that holds text no store can keep
 * (NUL, unpaired surrogates), is a 400. A `charset` parameter on the media type is accepted
 * (the body is read as UTF-8).
 *
 * Easemob's official server samples send JSON declared as `application/x-www-form-urlencoded`
 * (PHP, curl's default) or with no Content-Type (Node), so a body of any other declared type is
 * parsed as JSON too, and only one that does not parse is a 415 (decisions.md, Content types).
 */
export function jsonBody(limitBytes: number): Middleware<RequestState> {
  // Not strict: a JSON scalar parses, and the route's schema then names what is wrong with it.
  // DELETE too: the custom-attribute deletes carry their keys in a JSON body.
  const parse = bodyParser({
    enableTypes: ['json'],
    jsonLimit: limitBytes,
    jsonStrict: false,
    parsedMethods: ['POST', 'PUT', 'PATCH', 'DELETE'],
  });
  return async (ctx, next) => {
    // Read and checked by an earlier run of this request (a keyed request run again after a
    // conflict, idempotency-key.ts): the stream is spent, the parsed body is reused as it is.
    if (ctx.request.body !== undefined) return next();
    const type = ctx.is('application/json');
    if (type === null || ctx.request.length === 0) {
      ctx.request.body = {}; // no body
    } else {
      const declaredJson = type !== false;
      // The same parser reads every body: it is told the body is JSON, whatever was declared.
      if (!declaredJson) ctx.req.headers['content-type'] = 'application/json';
      try {
        await parse(ctx, noop);
      } catch (thrown) {
        const status = (thrown as { status?: number }).status;
        if (status === 413) throw refuseTooLarge(ctx.req, limitBytes, ctx.request.length);
        if (!declaredJson || status === 415) throw transportErrors.unsupportedMediaType();
        throw errors.invalidParameter('request body is not valid JSON');
      }
      // An empty chunked body parses to ''.
      if (ctx.request.body === '') ctx.request.body = {};
      assertWellFormedBody(ctx.request.body);
    }
    await next();
  };
}
