import type { Readable } from 'node:stream';

/**
 * Failures the HTTP layer finds before any use case runs (routing, media type, body size).
 * Each carries its whole Easemob error row, since no domain code stands behind it.
 */
export class TransportError extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    message: string,
    readonly exception: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** The largest refused body read to its end so that the connection stays usable (see payloadTooLarge). */
export const DRAINED_BODY_BYTES = 4 * 1024 * 1024;

export const transportErrors = {
  metricsTokenRequired: () =>
    new TransportError(401, 'unauthorized', 'metrics need the metrics token', 'UnauthorizedException', {
      'www-authenticate': 'Bearer',
    }),
  notFound: () =>
    new TransportError(404, 'service_resource_not_found', 'Service resource not found', 'ResourceNotFoundError'),
  methodNotAllowed: (method: string, allowed: readonly string[]) =>
    new TransportError(
      405,
      'method_not_allowed',
      `Method ${method} is not allowed on this resource`,
      'MethodNotAllowedError',
      { allow: allowed.join(', ') },
    ),
  /**
   * A body declared no larger than DRAINED_BODY_BYTES is read to its end and dropped, and the
   * connection stays open: a proxy in front (nginx passes bodies up to its client_max_body_size,
   * 2m in deploy/) writes the whole body before it reads the answer, and a connection closed under
   * it reaches its client as 502 instead of this 413. A body declared larger, or streamed past the
   * limit with no length, closes the connection rather than being read.
   */
  payloadTooLarge: (limitBytes: number, declaredLength?: number) =>
    new TransportError(
      413,
      'request_entity_too_large',
      `request body exceeds the limit of ${limitBytes} bytes`,
      'RequestEntityTooLargeError',
      declaredLength !== undefined && declaredLength <= DRAINED_BODY_BYTES ? {} : { connection: 'close' },
    ),
  /** Too much of one kind of work in flight in this process; the client should come back soon. */
  busy: (what: string) =>
    new TransportError(
      503,
      'service_unavailable',
      `too many ${what} in progress: try again shortly`,
      'UnavailableError',
      {
        'retry-after': '1',
      },
    ),
  unsupportedMediaType: () =>
    new TransportError(415, 'unsupported_media_type', 'request body must be JSON', 'UnsupportedMediaTypeError'),
};

/**
 * The 413 for a body over `limitBytes`; a body small enough to drain (payloadTooLarge) flows on
 * and is dropped as it arrives, so the connection is free for the next request once it has.
 */
export function refuseTooLarge(req: Readable, limitBytes: number, declaredLength: number | undefined): TransportError {
  const refusal = transportErrors.payloadTooLarge(limitBytes, declaredLength);
  if (!('connection' in refusal.headers)) req.resume();
  return refusal;
}
