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
  payloadTooLarge: (limitBytes: number) =>
    new TransportError(
      413,
      'request_entity_too_large',
      `request body exceeds the limit of ${limitBytes} bytes`,
      'RequestEntityTooLargeError',
      // The rest of the body is not read: closing spares reading (up to) all of it to reuse the connection.
      { connection: 'close' },
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
