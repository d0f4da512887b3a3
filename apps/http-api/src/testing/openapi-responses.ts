import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import type { OpenApiDocument } from '../http/openapi/document.js';
import { UNDESCRIBED_ROUTES } from '../http/openapi/route-table.js';

const SCHEMA_BASE = 'https://chatroom.invalid/components/schemas/';

/** `#/components/schemas/X` → an absolute id Ajv knows, in a deep copy. */
function withAbsoluteRefs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withAbsoluteRefs);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) =>
      key === '$ref' && typeof inner === 'string'
        ? [key, inner.replace('#/components/schemas/', SCHEMA_BASE)]
        : [key, withAbsoluteRefs(inner)],
    ),
  );
}

interface DescribedOperation {
  readonly method: string;
  readonly path: string;
  readonly pattern: RegExp;
  readonly params: number;
  readonly responses: Record<string, any>;
}

function pattern(template: string): RegExp {
  const escaped = template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{\w+\\?\}/g, '[^/]+');
  return new RegExp(`^${escaped}$`);
}

/**
 * Checks answers against the OpenAPI document: the operation is found the way the router finds
 * its route (of the paths matching, those with the fewest parameters own it), then the body must
 * validate against that operation's schema for the status, which must be documented. A path the
 * document does not know, or a verb its owner lacks, must answer the error body.
 */
export function responseChecker(document: OpenApiDocument) {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  for (const [name, schema] of Object.entries(document.components?.schemas ?? {})) {
    ajv.addSchema(withAbsoluteRefs(schema) as object, `${SCHEMA_BASE}${name}`);
  }
  const compiled = new Map<object, ValidateFunction>();
  const compile = (schema: object) => {
    let validate = compiled.get(schema);
    if (!validate) {
      validate = ajv.compile(withAbsoluteRefs(schema) as object);
      compiled.set(schema, validate);
    }
    return validate;
  };
  const errorBodySchema = compile(document.components!.schemas!.ErrorBody as object);
  const errorBody = () => errorBodySchema;

  /** A response object, following a `#/components/responses/…` reference. */
  const resolve = (response: any): any =>
    typeof response?.$ref === 'string'
      ? (document.components?.responses as Record<string, any>)[response.$ref.split('/').pop()]
      : response;

  const operations: DescribedOperation[] = Object.entries(document.paths ?? {}).flatMap(([path, item]) =>
    Object.entries(item as Record<string, any>).map(([method, op]) => ({
      method: method.toUpperCase(),
      path,
      pattern: pattern(path),
      params: (path.match(/\{/g) ?? []).length,
      responses: op.responses,
    })),
  );
  const undescribed = UNDESCRIBED_ROUTES.map((route) => ({ ...route, pattern: pattern(route.path) }));

  const problems = (validate: ValidateFunction, body: unknown): string[] =>
    validate(body)
      ? []
      : (validate.errors ?? []).map((e) => `${e.instancePath || '(root)'} ${e.message} ${JSON.stringify(e.params)}`);

  /** What is wrong with an answer (empty when it matches the document). */
  function check(method: string, rawPath: string, status: number, contentType: string | null, text: string): string[] {
    const path = rawPath.split('?')[0]!;
    const verb = method === 'HEAD' ? 'GET' : method;
    if (method === 'HEAD' && text === '') return [];
    if (undescribed.some((route) => route.method === verb && route.pattern.test(path)) && status < 400) return [];

    const matching = operations.filter((op) => op.pattern.test(path));
    const fewest = Math.min(...matching.map((op) => op.params));
    const candidates = matching.filter((op) => op.params === fewest && op.method === verb);

    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
    if (candidates.length === 0) {
      if (status < 400) return [`${method} ${path} answered ${status} but the document has no such operation`];
      if (body === undefined) return [`${method} ${path} answered ${status} without a JSON error body`];
      return problems(errorBody(), body);
    }

    const found: string[] = [];
    for (const op of candidates) {
      const response = resolve(op.responses[String(status)]);
      if (!response) {
        found.push(`${op.method} ${op.path}: status ${status} is not documented`);
        continue;
      }
      const [type, media] = Object.entries(response.content ?? {})[0] as [string, any];
      if (type !== 'application/json') {
        if (contentType?.startsWith(type)) return [];
        found.push(`${op.method} ${op.path}: expected ${type}, got ${contentType}`);
        continue;
      }
      if (body === undefined) {
        found.push(`${op.method} ${op.path}: the body is not JSON`);
        continue;
      }
      const wrong = problems(compile(media.schema), body);
      if (wrong.length === 0) return [];
      found.push(`${op.method} ${op.path} ${status}: ${wrong.join('; ')}`);
    }
    return found;
  }

  /** What is wrong with a documented example (empty when valid). */
  function validateExample(method: string, path: string, status: number, example: unknown): string[] {
    const op = operations.find((o) => o.method === method.toUpperCase() && o.path === path)!;
    return problems(compile(resolve(op.responses[String(status)]).content['application/json'].schema), example);
  }

  return { check, validateExample, resolve };
}
