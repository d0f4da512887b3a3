import * as z from 'zod';
import { envelope, errorBody, type EnvelopeOptions } from './response-schemas.js';

/**
 * The tags of the document, one per group of operations, in the order the docs page shows them.
 * A later group adds its tag here.
 */
export const TAGS = [
  { name: 'tokens', description: 'App tokens from client credentials.' },
  { name: 'users', description: 'Register, read and delete users.' },
  { name: 'rooms', description: 'Create, list, read, modify, transfer and dissolve chat rooms.' },
  { name: 'members', description: 'Room members (§5.1).' },
  { name: 'admins', description: 'Room admins (§5.2).' },
  { name: 'super admins', description: 'App-level super admins (§5.3).' },
  { name: 'mutes', description: 'Muting members, and mute-all (§5.4).' },
  { name: 'blocklist', description: 'The room blocklist (§5.5).' },
  { name: 'allowlist', description: 'The room allowlist (§5.6).' },
  { name: 'announcement', description: 'The room announcement (§5.7).' },
  { name: 'attributes', description: 'Custom room attributes (§5.8).' },
  { name: 'events', description: "Our extension: a room's audit trail of events (newest first)." },
  { name: 'operations', description: 'Health, readiness and this documentation; no token needed.' },
  {
    name: 'operator: session',
    description: 'Operators sign in: a token for scripts, a session cookie for the console (not app tokens).',
  },
  {
    name: 'operator: apps',
    description: 'Operators: every app, with counts; create, rotate, revoke, delete (admin role).',
  },
  {
    name: 'operator: rooms',
    description: "Operators: an app's rooms, their details and moderation, through the Easemob API's use cases.",
  },
  {
    name: 'operator: events',
    description: "Operators: a room's audit trail, webhook rules, their deliveries and replay.",
  },
  {
    name: 'operator: instance',
    description: 'Operators: readiness, version, request rate and latency of this instance.',
  },
] as const;

export type Tag = (typeof TAGS)[number]['name'];
export type Method = 'get' | 'post' | 'put' | 'delete';

/** An example value for each path parameter name the routes use. */
export const PATH_PARAM_EXAMPLES: Record<string, string> = {
  org: 'dev',
  app: 'app',
  id: '100000000000001',
  ids: '100000000000001,100000000000002',
  username: 'alice',
  usernames: 'alice,bob',
  members: 'alice,bob',
  oldadmin: 'alice',
  superAdmin: 'alice',
  rule: '3f0c2a4e-8b1d-4e8f-9c55-2f7d1e0a9b64',
};

export interface Example<T = unknown> {
  readonly schema: z.ZodType;
  readonly example: T;
}

/** An Easemob error row: `error`, `error_description` and `exception`. */
export type ErrorRow = readonly [error: string, description: string, exception: string];

/** The error statuses an operation may answer, with the example each shows by default. */
const ERROR_EXAMPLES: Record<number, ErrorRow> = {
  400: ['invalid_parameter', 'request body is not valid JSON', 'InvalidParameterError'],
  401: ['unauthorized', 'Unable to authenticate (OAuth)', 'MissingTokenError'],
  403: ['exceed_limit', 'members size is greater than max user size !', 'MembersExceedMaxUsersError'],
  404: [
    'organization_application_not_found',
    'Could not find application for dev/app from URI: dev/app',
    'AppNotFoundError',
  ],
  409: [
    'idempotency_key_in_progress',
    'a request with this Idempotency-Key is still running',
    'IdempotencyKeyInProgressException',
  ],
  413: ['request_entity_too_large', 'request body exceeds the limit of 1048576 bytes', 'RequestEntityTooLargeError'],
  415: ['unsupported_media_type', 'request body must be JSON', 'UnsupportedMediaTypeError'],
  422: [
    'idempotency_key_reused',
    'Idempotency-Key was already used for a different request',
    'IdempotencyKeyReusedException',
  ],
  429: [
    'resource_limited',
    'Too many requests: this app may make 100 calls per second to reads; retry after 1 s',
    'RateLimitedError',
  ],
  500: ['internal_error', 'Internal Server Error', 'InternalServerError'],
  503: ['service_unavailable', 'Service unavailable', 'UnavailableError'],
};

/** The shared error responses (`#/components/responses/…`), one per status. */
export const ERROR_RESPONSE_NAMES: Record<number, string> = {
  400: 'BadRequest',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'NotFound',
  409: 'IdempotencyKeyInProgress',
  413: 'PayloadTooLarge',
  415: 'UnsupportedMediaType',
  422: 'IdempotencyKeyReused',
  429: 'TooManyRequests',
  500: 'InternalError',
  503: 'Unavailable',
};

const ERROR_MEANINGS: Record<number, string> = {
  400: 'Bad request',
  401: 'No, a bad or an expired app token',
  403: 'Refused: over a limit, or not allowed',
  404: 'Unknown app, room or user',
  409: 'A request with the same Idempotency-Key is still running (see Retry-After)',
  413: 'Body over the size limit',
  415: 'A body that is not JSON, declared as something else',
  422: 'The Idempotency-Key was already used for a different request',
  429: "Over the app's request budget (see Retry-After and the RateLimit headers)",
  500: 'Unexpected failure (logged with the request id)',
  503: 'The database is unavailable',
};

export interface Operation {
  readonly method: Method;
  /** OpenAPI form: `/{org}/{app}/chatrooms/{id}`. */
  readonly path: string;
  readonly tag: Tag;
  readonly summary: string;
  readonly description?: string;
  /** No bearer token needed (the token endpoint and the operational routes). */
  readonly public?: boolean;
  /** Secured by an operator token or the console's session cookie instead of an app token. */
  readonly operator?: boolean;
  /**
   * Takes `Idempotency-Key` (then may answer 409 and 422). Default: every write of an app route;
   * an operator change says so itself (operator/operator-keys.ts decides which are keyed).
   */
  readonly keyed?: boolean;
  /** When the one made from method and path would repeat another's (paths differing only in `{org}/{app}`). */
  readonly operationId?: string;
  readonly query?: z.ZodObject;
  readonly body?: Example;
  /** Request headers the operation reads; every tenant write also takes `Idempotency-Key` (see document.ts). */
  readonly headers?: z.ZodObject;
  /** The 200 answer; `mediaType` when it is not JSON (the docs page, a metrics text). */
  readonly response: Example & { readonly mediaType?: string };
  /** Default: every status of ERROR_EXAMPLES that can happen (401 when secured, 413/415 with a body). */
  readonly errors?: readonly number[];
  /** Examples of this operation's own errors, replacing the generic ones. */
  readonly errorExamples?: Readonly<Record<number, ErrorRow>>;
}

/** The example path of an operation, its parameters replaced by their examples. */
export function examplePath(path: string): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => PATH_PARAM_EXAMPLES[name] ?? name);
}

/** A 200 answer inside the envelope, with its example built around `data`. */
export function enveloped(
  method: Method,
  path: string,
  data: Example,
  options: EnvelopeOptions & { readonly params?: Record<string, string[]>; readonly entities?: unknown[] } = {},
): Example {
  const example = {
    action: method,
    application: '8be024f0-e978-11e8-b697-5d598d5f8402',
    applicationName: PATH_PARAM_EXAMPLES.app,
    organization: PATH_PARAM_EXAMPLES.org,
    ...(options.users && { path: '/users' }),
    uri: `http://localhost:8080${examplePath(path)}`,
    entities: options.entities ?? [],
    data: data.example,
    timestamp: 1764374400000,
    duration: 3,
    properties: {},
    ...(options.list && {
      count: Array.isArray(data.example) ? data.example.length : 1,
      params: options.params ?? {},
    }),
    ...(options.status && { status: 'ok' }),
  };
  return { schema: envelope(method, data.schema, options), example };
}

/** The statuses an operation documents besides 200. */
export function errorStatuses(op: Operation): number[] {
  // An operator's keyed change may also answer 400 (a malformed key), 409 and 422.
  if (op.errors)
    return [...new Set([...op.errors, ...(isKeyedWrite(op) ? [400, 409, 422] : [])])].sort((x, y) => x - y);
  // Every `/{org}/{app}/…` route runs the app's rate limit (429).
  const tenant = op.path.startsWith('/{org}/{app}/');
  // A keyed write (Idempotency-Key) may also answer 409 (still running) or 422 (key reused).
  const keyed = isKeyedWrite(op) ? [409, 422] : [];
  return [
    400,
    ...(op.public ? [] : [401]),
    403,
    404,
    ...keyed,
    ...(op.body ? [413, 415] : []),
    ...(tenant ? [429] : []),
    500,
    503,
  ];
}

function errorExample([error, description, exception]: ErrorRow) {
  return { error, error_description: description, exception, timestamp: 1764374400000, duration: 0 };
}

/** The shared response of an error status, with its generic example (`components.responses`). */
export function sharedErrorResponse(status: number) {
  return {
    description: ERROR_MEANINGS[status]!,
    content: {
      'application/json': {
        schema: { $ref: '#/components/schemas/ErrorBody' },
        example: errorExample(ERROR_EXAMPLES[status]!),
      },
    },
  };
}

/** An operation's response for an error status: its own example, or a reference to the shared one. */
export function errorResponse(op: Operation, status: number) {
  const own = op.errorExamples?.[status];
  if (!own) return { $ref: `#/components/responses/${ERROR_RESPONSE_NAMES[status]}` };
  return {
    description: ERROR_MEANINGS[status]!,
    content: { 'application/json': { schema: errorBody, example: errorExample(own) } },
  };
}

/**
 * `Idempotency-Key`: any POST, PUT or DELETE behind an app token (after authentication, so
 * keys are per app), and the operator changes to an existing app (keys per operator). Same key and request → the stored answer with `Idempotent-Replayed: true`.
 */
export const idempotencyKeyHeader = z.object({
  'Idempotency-Key': z
    .string()
    .regex(/^[\x21-\x7e]{1,255}$/)
    .optional()
    .meta({
      description: 'Makes a retried write safe: 1–255 visible ASCII characters, kept 24 h.',
      example: '4f1c2d7e-create-lobby',
    }),
});

/** Whether the idempotency middleware runs for this operation. */
export function isKeyedWrite(op: Operation): boolean {
  return op.keyed ?? (op.method !== 'get' && !op.public && op.path.startsWith('/{org}/{app}/'));
}
