import { elapsedMs, type AppContext } from './state.js';

export interface EnvelopeParts {
  readonly data: unknown;
  /** `[]` unless the endpoint documents entities (the user endpoints). */
  readonly entities?: readonly unknown[];
  /** For list responses, together with `params`. */
  readonly count?: number;
  readonly cursor?: string | undefined;
  /** `/users` on user endpoints, as the reference shows. */
  readonly path?: string;
  /** `"ok"` on custom-attribute deletes, as the reference shows. */
  readonly status?: 'ok';
}

/** Echoes the query as arrays of strings, e.g. `{"limit":["10"]}`. */
function queryParams(ctx: AppContext): Record<string, string[]> {
  const params: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(ctx.query)) {
    if (value !== undefined) params[name] = Array.isArray(value) ? value : [value];
  }
  return params;
}

/**
 * `scheme://host` of the request as the client sees it. Koa 3's `ctx.origin` is the Origin
 * header, so it is built here; the scheme is only ever http or https, whatever a header says.
 */
function baseUrl(ctx: AppContext): string {
  return `${ctx.protocol === 'https' ? 'https' : 'http'}://${ctx.host}`;
}

/** Responds 200 with the Easemob success envelope of the request's app. */
export function sendEnvelope(ctx: AppContext, parts: EnvelopeParts): void {
  const { app } = ctx.state;
  ctx.body = {
    action: ctx.method.toLowerCase(),
    application: app.id,
    applicationName: app.name,
    organization: app.org,
    ...(parts.path !== undefined && { path: parts.path }),
    uri: `${baseUrl(ctx)}${ctx.path}`,
    entities: parts.entities ?? [],
    data: parts.data,
    timestamp: Date.now(),
    duration: elapsedMs(ctx.state),
    properties: {},
    ...(parts.count !== undefined && { count: parts.count, params: queryParams(ctx) }),
    ...(parts.cursor !== undefined && { cursor: parts.cursor }),
    ...(parts.status !== undefined && { status: parts.status }),
  };
}
