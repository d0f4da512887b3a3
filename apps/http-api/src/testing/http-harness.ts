import { Writable } from 'node:stream';
import type { AppSettings, InMemoryDependencies } from '@chatroom/domain';
import type { Container } from 'inversify';
import { loadConfig, type Config } from '../config.js';
import { createContainer } from '../composition/container.js';
import { useInMemoryAdapters } from '../composition/in-memory-adapters.js';
import { TOKENS } from '../ports/tokens.js';
import type { UseCases } from '../ports/use-cases.js';
import { openApiDocument } from '../http/openapi/document.js';
import { createLogger } from '../logger.js';
import { startService, type RunningService } from '../composition/service.js';
import { responseChecker } from './openapi-responses.js';

export interface HttpResponse {
  readonly status: number;
  readonly headers: Headers;
  /** Parsed JSON, or the raw text when the body is not JSON. */
  readonly body: any;
  readonly text: string;
}

export interface CallOptions {
  /** An object is sent as JSON; a string is sent as is. */
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
  /** `null` sends no Authorization header; default: the harness app's token. */
  readonly token?: string | null;
}

export interface TestService {
  readonly url: string;
  readonly org: string;
  readonly app: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** A valid app token of `org/app`. */
  readonly token: string;
  readonly container: Container;
  readonly useCases: UseCases;
  /** The in-memory ports, when the service runs on them. */
  readonly deps: InMemoryDependencies | undefined;
  /** Every log line written so far, parsed. */
  readonly logs: Record<string, unknown>[];
  call(method: string, path: string, options?: CallOptions): Promise<HttpResponse>;
  /** `/{org}/{app}` + `rest`. */
  appPath(rest: string): string;
  close(): Promise<void>;
}

export interface TestServiceOptions {
  /** Extra environment for `loadConfig` (e.g. DATABASE_URL for a PostgreSQL run). */
  readonly env?: Record<string, string>;
  /** Settings of the harness app (its ceilings). */
  readonly settings?: Partial<AppSettings>;
  /** Default true: every port on the domain's in-memory adapters. */
  readonly inMemory?: boolean;
  /** Runs on the container before anything is resolved, after the in-memory rebinding. */
  readonly customize?: (container: Container, config: Config) => void;
}

/** The metrics token of test services on a production store, which refuse to serve /metrics openly. */
export const TEST_METRICS_TOKEN = 'test-metrics-token';

/** The master key every test service runs with (tests only: it is in the source). */
export const TEST_MASTER_KEY = 'c0ffee'.repeat(11).slice(0, 64);

let counter = 0;
let checker: ReturnType<typeof responseChecker> | undefined;

/**
 * Every answer a test receives through the harness must match the OpenAPI document: a field
 * returned but not described, one described but missing, or an undocumented status fails the
 * test that made the call.
 */
export function assertDocumented(
  method: string,
  path: string,
  status: number,
  contentType: string | null,
  text: string,
): void {
  checker ??= responseChecker(openApiDocument());
  const problems = checker.check(method, path, status, contentType, text);
  if (problems.length > 0) {
    throw new Error(
      `${method} ${path} → ${status} does not match /openapi.json:\n  ${problems.join('\n  ')}\n  body: ${text.slice(0, 500)}`,
    );
  }
}

/** A real listening server on port 0, with one app and a token for it. */
export async function startTestService(options: TestServiceOptions = {}): Promise<TestService> {
  // Built here (a hook's time) rather than in the first test's call.
  checker ??= responseChecker(openApiDocument());
  const n = ++counter;
  const org = `org${n}`;
  const app = `app${n}`;
  const clientId = `client-${n}`;
  const clientSecret = `secret-${n}`;
  const base = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'info',
    BOOTSTRAP_ORG: org,
    BOOTSTRAP_APP: app,
    BOOTSTRAP_CLIENT_ID: clientId,
    BOOTSTRAP_CLIENT_SECRET: clientSecret,
    // Required with DATABASE_URL; a fixed one makes the tests' stores readable by the next run.
    TOKEN_MASTER_KEY: TEST_MASTER_KEY,
    ...(options.env?.DATABASE_URL ? { METRICS_TOKEN: TEST_METRICS_TOKEN } : {}),
    ...options.env,
  });
  const config: Config = { ...base, appSettings: { ...base.appSettings, ...options.settings } };

  const logs: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n')) if (line.trim()) logs.push(JSON.parse(line));
      done();
    },
  });
  const container = createContainer(config, createLogger(config.logLevel, sink));
  const deps = options.inMemory === false ? undefined : useInMemoryAdapters(container);
  options.customize?.(container, config);
  const service: RunningService = await startService(container);
  const useCases = await container.getAsync<UseCases>(TOKENS.UseCases);

  const call = async (method: string, path: string, o: CallOptions = {}): Promise<HttpResponse> => {
    const headers: Record<string, string> = { ...o.headers };
    const token = o.token === undefined ? harness.token : o.token;
    if (token !== null) headers.authorization ??= `Bearer ${token}`;
    let body: string | undefined;
    if (o.body !== undefined) {
      body = typeof o.body === 'string' ? o.body : JSON.stringify(o.body);
      headers['content-type'] ??= 'application/json';
    }
    const response = await fetch(`${service.url}${path}`, { method, headers, body });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // not JSON: tests assert on `text`
    }
    assertDocumented(method, path, response.status, response.headers.get('content-type'), text);
    return { status: response.status, headers: response.headers, body: parsed, text };
  };

  const harness = {
    url: service.url,
    org,
    app,
    clientId,
    clientSecret,
    token: '',
    container,
    useCases,
    deps,
    logs,
    call,
    appPath: (rest: string) => `/${org}/${app}${rest}`,
    close: () => service.close(),
  };
  const issued = await call('POST', `/${org}/${app}/token`, {
    token: null,
    body: { grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret },
  });
  if (issued.status !== 200) throw new Error(`token request failed: ${issued.text}`);
  harness.token = issued.body.access_token;
  return harness;
}
