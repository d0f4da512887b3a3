import { OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import * as z from 'zod';
import {
  ERROR_RESPONSE_NAMES,
  errorResponse,
  errorStatuses,
  idempotencyKeyHeader,
  isKeyedWrite,
  PATH_PARAM_EXAMPLES,
  sharedErrorResponse,
  TAGS,
  type Operation,
} from './operation.js';
import { errorBody } from './response-schemas.js';
import { OPERATIONS } from './operations.js';
import { SERVICE_VERSION } from '../../version.js';

export type OpenApiDocument = ReturnType<OpenApiGeneratorV31['generateDocument']>;

/** `/{org}/{app}/chatrooms/{id}` → `postChatroomsById`-style ids, unique per (method, path). */
function operationId({ method, path, operationId: own }: Operation): string {
  if (own) return own;
  const words = path
    .split('/')
    .filter((part) => part !== '' && part !== '{org}' && part !== '{app}')
    .map((part) => (part.startsWith('{') ? `by_${part.slice(1, -1)}` : part))
    .join('_')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
  return method + words.map((word) => word[0]!.toUpperCase() + word.slice(1)).join('');
}

function pathParams(path: string) {
  const names = [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!);
  if (names.length === 0) return undefined;
  return z.object(
    Object.fromEntries(names.map((name) => [name, z.string().meta({ example: PATH_PARAM_EXAMPLES[name] })])),
  );
}

function register(registry: OpenAPIRegistry, op: Operation): void {
  const contentType = op.response.mediaType ?? 'application/json';
  registry.registerPath({
    method: op.method,
    path: op.path,
    operationId: operationId(op),
    tags: [op.tag],
    summary: op.summary,
    ...(op.description && { description: op.description }),
    security: op.public ? [] : op.operator ? [{ operatorToken: [] }, { operatorSession: [] }] : [{ bearer: [] }],
    request: {
      ...(pathParams(op.path) && { params: pathParams(op.path) }),
      ...(op.query && { query: op.query }),
      ...(headersOf(op) && { headers: headersOf(op) }),
      ...(op.body && {
        body: {
          // A body its schema accepts as `{}` may be left out (no body reads as `{}`).
          required: !op.body.schema.safeParse({}).success,
          content: { 'application/json': { schema: op.body.schema, example: op.body.example } },
        },
      }),
    },
    responses: {
      200: {
        description: 'OK',
        content: { [contentType]: { schema: op.response.schema, example: op.response.example } },
      },
      ...Object.fromEntries(errorStatuses(op).map((status) => [status, errorResponse(op, status)])),
    },
  });
}

/** The OpenAPI 3.1 document of `operations`, generated from the request and response zod schemas. */
export function buildOpenApiDocument(operations: readonly Operation[] = OPERATIONS): OpenApiDocument {
  const registry = new OpenAPIRegistry();
  registry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    description: 'An app token from `POST /{org}/{app}/token`.',
  });
  registry.registerComponent('securitySchemes', 'operatorToken', {
    type: 'http',
    scheme: 'bearer',
    description:
      'An operator token from `POST /admin/v1/token` (app tokens are refused here, and operator tokens on app routes).',
  });
  registry.registerComponent('securitySchemes', 'operatorSession', {
    type: 'apiKey',
    in: 'cookie',
    name: 'chatroom_operator',
    description: 'The console session from `POST /admin/v1/session`; a change must send `Origin` equal to the service.',
  });
  for (const [status, name] of Object.entries(ERROR_RESPONSE_NAMES)) {
    registry.registerComponent('responses', name, sharedErrorResponse(Number(status)));
  }
  for (const op of operations) register(registry, op);
  // ErrorBody is named (its meta id) so that the shared error responses can refer to it.
  return new OpenApiGeneratorV31([...registry.definitions, errorBody]).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'Chat-room service (Easemob-compatible)',
      version: SERVICE_VERSION,
      description:
        'The Easemob (环信) IM REST API for chat-room management. Every success is the Easemob envelope and every error the Easemob error body, with the exact strings of decisions.md.',
    },
    servers: [{ url: '/' }],
    tags: TAGS.map((tag) => ({ ...tag })),
  });
}

let cached: OpenApiDocument | undefined;

/** The document of this build, generated once. */
export function openApiDocument(): OpenApiDocument {
  cached ??= buildOpenApiDocument();
  return cached;
}

/** The request headers an operation reads: its own, else `Idempotency-Key` on a keyed write. */
function headersOf(op: Operation): z.ZodObject | undefined {
  return op.headers ?? (isKeyedWrite(op) ? idempotencyKeyHeader : undefined);
}
