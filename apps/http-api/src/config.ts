import { parseMasterKey } from '@chatroom/crypto-adapter';
import {
  DEFAULT_APP_SETTINGS,
  DEFAULT_TOKEN_POLICY,
  parseRateLimit,
  RATE_LIMIT_HINT,
  type AppSettings,
  type RateLimitSetting,
  type TokenPolicy,
} from '@chatroom/domain';
import { DEFAULT_SESSION_LIMITS, type PgSessionLimits } from '@chatroom/postgres-adapter';
import * as z from 'zod';
import { STORE_SCHEMES } from './stores/stores.js';

export interface BootstrapApp {
  readonly org: string;
  readonly app: string;
  readonly clientId: string;
  readonly clientSecret: string;
}

export interface Config {
  readonly port: number;
  readonly host: string;
  /** postgres(ql):// → PostgreSQL, mysql:// or mariadb:// → MariaDB, each through a pool; unset → embedded PGlite in `dataDir`. */
  readonly databaseUrl: string | undefined;
  readonly dataDir: string;
  readonly dbPoolSize: number;
  readonly logLevel: LogLevel;
  /**
   * How far V8 lets the old generation grow past what the last full collection kept alive before
   * it collects again (0: V8's own choice, up to 4× under a high allocation rate).
   */
  readonly heapGrowingPercent: number;
  readonly bodyLimitBytes: number;
  /**
   * How many proxies stand in front (TRUSTED_PROXIES): 0 → the socket's address is the client's
   * and X-Forwarded-* are ignored; N → the client address is the N-th entry from the right of
   * X-Forwarded-For (the entries the proxies appended), and X-Forwarded-Proto/Host name the URL.
   */
  readonly trustedProxies: number;
  /** Limits of the HTTP server itself (see server-limits.ts). */
  readonly server: ServerLimits;
  /** Token requests (`POST /{org}/{app}/token`) hashing a secret at once in this process; past it, 503. */
  readonly tokenHashesInFlight: number;
  readonly tokenPolicy: TokenPolicy;
  /** Limits given to the apps this process creates (bootstrap or development app). */
  readonly appSettings: AppSettings;
  readonly bootstrap: BootstrapApp | undefined;
  /**
   * Seals the apps' token keys (TOKEN_MASTER_KEY). Required with DATABASE_URL; unset on
   * embedded PGlite → generated into the data directory on first start (see master-key-file.ts).
   */
  readonly tokenMasterKey: Buffer | undefined;
  /** Server-side limits of every pooled PostgreSQL session. */
  readonly dbSessionLimits: PgSessionLimits;
  /** Every limit of the migration session, the wait for another instance's migration included. */
  readonly dbMigrationTimeoutMs: number;
  /** Set → `GET /metrics` needs `Authorization: Bearer <token>`; unset → it is open (PGlite only). */
  readonly metricsToken: string | undefined;
  /** Set → `/metrics` is served on this port only (same HOST), not on PORT. */
  readonly metricsPort: number | undefined;
  /** How long a request waits for the shared rate-limit store before the in-process budget decides. */
  readonly rateLimitStoreTimeoutMs: number;
  /** Coalesce concurrent additions to one room into one unit of work (CoalescingAddMembers). */
  readonly coalesceAdds: boolean;
  /** On SIGTERM, how long open keep-alive connections keep being served (see graceful-close.ts). */
  readonly shutdownDrainMs: number;
  /** Events out. */
  readonly events: EventsConfig;
}

export interface EventsConfig {
  /** Audit-trail rows older than this are pruned. */
  readonly retentionDays: number;
  /** A webhook must answer 2xx (a NATS stream must ack) within this long. */
  readonly publishTimeoutMs: number;
  /** Whether this instance runs the delivery worker. */
  readonly deliver: boolean;
  /** After a commit wakes the worker, wait this long so that nearby commits share one round. */
  readonly gatherMs: number;
  /** Webhooks may reach loopback, private, link-local and multicast addresses (tests, private networks). */
  readonly allowPrivateDestinations: boolean;
}

export interface ServerLimits {
  /** Node's `headersTimeout`: the whole header block must arrive within this long. */
  readonly headersTimeoutMs: number;
  /** Node's `requestTimeout`: the whole request, body included, must arrive within this long. */
  readonly requestTimeoutMs: number;
  /** An idle keep-alive connection is closed after this long. */
  readonly keepAliveTimeoutMs: number;
  /** Connections open at once; further ones are closed as they arrive. */
  readonly maxConnections: number;
  /** Requests served on one connection before it is closed (0: no limit). */
  readonly maxRequestsPerSocket: number;
}

/** How to make a master key, in every message that asks for one. */
export const MASTER_KEY_HINT = '32 or more random bytes in hex or base64 (make one with: openssl rand -hex 32)';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

const BOOTSTRAP_VARS = ['BOOTSTRAP_ORG', 'BOOTSTRAP_APP', 'BOOTSTRAP_CLIENT_ID', 'BOOTSTRAP_CLIENT_SECRET'] as const;

/** Thrown when the environment is invalid; `problems` has one line per bad variable. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/**
 * An optional variable: unset or blank → `fallback`; otherwise `parse` (trimmed value), which
 * returns undefined when the value is bad, and `problem` says so in one line.
 */
function variable<T>(fallback: T, parse: (raw: string) => T | undefined, problem: (raw: string) => string) {
  return z
    .string()
    .optional()
    .transform((raw, ctx) => {
      if (raw === undefined || raw.trim() === '') return fallback;
      const value = parse(raw.trim());
      if (value !== undefined) return value;
      ctx.addIssue({ code: 'custom', message: problem(raw) });
      return z.NEVER;
    });
}

function integer(name: string, min: number, max: number, fallback: number) {
  return variable(
    fallback,
    (raw) => {
      const value = /^\d+$/.test(raw) ? Number(raw) : NaN;
      return Number.isSafeInteger(value) && value >= min && value <= max ? value : undefined;
    },
    (raw) => `${name} must be an integer from ${min} to ${max} (got "${raw}")`,
  );
}

const FLAGS: Record<string, boolean> = { true: true, 1: true, yes: true, false: false, 0: false, no: false };

function flag(name: string, fallback: boolean) {
  return variable(
    fallback,
    (raw) => FLAGS[raw.toLowerCase()],
    (raw) => `${name} must be true or false (got "${raw}")`,
  );
}

const SIZE = /^(\d+)\s*(b|kb|mb|gb)?$/i;
const SIZE_UNITS: Record<string, number> = { b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 };

function byteSize(name: string, fallback: number) {
  return variable(
    fallback,
    (raw) => {
      const match = SIZE.exec(raw);
      const bytes = match ? Number(match[1]) * SIZE_UNITS[(match[2] ?? 'b').toLowerCase()]! : NaN;
      return Number.isSafeInteger(bytes) && bytes >= 1 ? bytes : undefined;
    },
    (raw) => `${name} must be a size such as 1mb, 512kb or 1048576 (got "${raw}")`,
  );
}

/** `a, b or c` */
function oneOf(items: readonly string[]): string {
  return items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
}

function text(fallback?: string) {
  return variable<string | undefined>(
    fallback,
    (raw) => raw,
    () => '',
  );
}

const envSchema = z.object({
  PORT: integer('PORT', 0, 65_535, 8080),
  HOST: text('0.0.0.0'),
  // The URL may hold a password: the message does not repeat it.
  DATABASE_URL: variable<string | undefined>(
    undefined,
    (raw) => (STORE_SCHEMES.some((scheme) => raw.startsWith(`${scheme}://`)) ? raw : undefined),
    () => `DATABASE_URL must be a ${oneOf(STORE_SCHEMES.map((scheme) => `${scheme}://`))} URL`,
  ),
  DATA_DIR: text('.chatroom-data'),
  DB_POOL_SIZE: integer('DB_POOL_SIZE', 1, 1000, 10),
  HEAP_GROWING_PERCENT: integer('HEAP_GROWING_PERCENT', 0, 1000, 30),
  LOG_LEVEL: variable<LogLevel>(
    'info',
    (raw) => LOG_LEVELS.find((level) => level === raw),
    (raw) => `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')} (got "${raw}")`,
  ),
  BODY_LIMIT: byteSize('BODY_LIMIT', 1024 * 1024),
  TRUSTED_PROXIES: integer('TRUSTED_PROXIES', 0, 10, 0),
  HTTP_HEADERS_TIMEOUT_MS: integer('HTTP_HEADERS_TIMEOUT_MS', 100, 600_000, 10_000),
  HTTP_REQUEST_TIMEOUT_MS: integer('HTTP_REQUEST_TIMEOUT_MS', 100, 3_600_000, 30_000),
  HTTP_KEEP_ALIVE_TIMEOUT_MS: integer('HTTP_KEEP_ALIVE_TIMEOUT_MS', 100, 600_000, 5_000),
  HTTP_MAX_CONNECTIONS: integer('HTTP_MAX_CONNECTIONS', 1, 1_000_000, 1_000),
  HTTP_MAX_REQUESTS_PER_SOCKET: integer('HTTP_MAX_REQUESTS_PER_SOCKET', 0, 10_000_000, 10_000),
  TOKEN_HASHES_IN_FLIGHT: integer('TOKEN_HASHES_IN_FLIGHT', 1, 1_000, 8),
  WEBHOOK_ALLOW_PRIVATE: flag('WEBHOOK_ALLOW_PRIVATE', false),
  TOKEN_TTL_SECONDS: integer('TOKEN_TTL_SECONDS', 1, 100 * 365 * 86_400, DEFAULT_TOKEN_POLICY.defaultTtlSeconds),
  TOKEN_MAX_TTL_SECONDS: integer('TOKEN_MAX_TTL_SECONDS', 1, 100 * 365 * 86_400, DEFAULT_TOKEN_POLICY.maxTtlSeconds),
  APP_ROOM_QUOTA: integer('APP_ROOM_QUOTA', 1, 1_000_000_000, DEFAULT_APP_SETTINGS.roomQuota),
  APP_JOINED_ROOM_CAP: integer('APP_JOINED_ROOM_CAP', 1, 1_000_000_000, DEFAULT_APP_SETTINGS.joinedRoomCap),
  APP_MAXUSERS_CEILING: integer('APP_MAXUSERS_CEILING', 1, 1_000_000_000, DEFAULT_APP_SETTINGS.maxUsersCeiling),
  APP_CUSTOM_ROOM_IDS: flag('APP_CUSTOM_ROOM_IDS', DEFAULT_APP_SETTINGS.customRoomIds),
  APP_RATE_LIMIT: variable<RateLimitSetting>(
    DEFAULT_APP_SETTINGS.rateLimit,
    parseRateLimit,
    (raw) => `APP_RATE_LIMIT must be ${RATE_LIMIT_HINT} (got "${raw}")`,
  ),
  // The key itself is never repeated in a message.
  TOKEN_MASTER_KEY: variable<Buffer | undefined>(
    undefined,
    (raw) => parseMasterKey(raw) ?? undefined,
    () => `TOKEN_MASTER_KEY must be ${MASTER_KEY_HINT}`,
  ),
  COALESCE_ADDS: flag('COALESCE_ADDS', true),
  EVENT_RETENTION_DAYS: integer('EVENT_RETENTION_DAYS', 1, 36_500, 30),
  EVENT_PUBLISH_TIMEOUT_MS: integer('EVENT_PUBLISH_TIMEOUT_MS', 100, 60_000, 5_000),
  EVENT_DELIVERY: flag('EVENT_DELIVERY', true),
  EVENT_GATHER_MS: integer('EVENT_GATHER_MS', 0, 1_000, 100),
  BOOTSTRAP_ORG: text(),
  BOOTSTRAP_APP: text(),
  BOOTSTRAP_CLIENT_ID: text(),
  BOOTSTRAP_CLIENT_SECRET: text(),
  DB_STATEMENT_TIMEOUT_MS: integer('DB_STATEMENT_TIMEOUT_MS', 0, 86_400_000, DEFAULT_SESSION_LIMITS.statementTimeoutMs),
  DB_LOCK_TIMEOUT_MS: integer('DB_LOCK_TIMEOUT_MS', 0, 86_400_000, DEFAULT_SESSION_LIMITS.lockTimeoutMs),
  DB_IDLE_IN_TRANSACTION_TIMEOUT_MS: integer(
    'DB_IDLE_IN_TRANSACTION_TIMEOUT_MS',
    0,
    86_400_000,
    DEFAULT_SESSION_LIMITS.idleInTransactionTimeoutMs,
  ),
  DB_MIGRATION_TIMEOUT_MS: integer('DB_MIGRATION_TIMEOUT_MS', 1_000, 86_400_000, 600_000),
  METRICS_TOKEN: text(),
  METRICS_PORT: variable<number | undefined>(
    undefined,
    (raw) => (/^\d+$/.test(raw) && Number(raw) >= 1 && Number(raw) <= 65_535 ? Number(raw) : undefined),
    (raw) => `METRICS_PORT must be a port from 1 to 65535 (got "${raw}")`,
  ),
  RATE_LIMIT_STORE_TIMEOUT_MS: integer('RATE_LIMIT_STORE_TIMEOUT_MS', 1, 60_000, 200),
  SHUTDOWN_DRAIN_MS: integer('SHUTDOWN_DRAIN_MS', 0, 60_000, 0),
});

/**
 * What refuses a configuration for serving HTTP (the service; not the admin CLI, which reads the
 * same environment but serves nothing): on a production store (PostgreSQL, MariaDB) `/metrics`
 * is never open; embedded PGlite keeps it open for development.
 */
export function servingProblems(config: Pick<Config, 'databaseUrl' | 'metricsToken' | 'metricsPort'>): string[] {
  if (config.databaseUrl === undefined || config.metricsToken !== undefined || config.metricsPort !== undefined)
    return [];
  return [
    'METRICS_TOKEN or METRICS_PORT must be set when DATABASE_URL is: /metrics is not served openly in production; give METRICS_TOKEN a random value (openssl rand -hex 32) or serve it on a separate METRICS_PORT',
  ];
}

/** Reads and validates the environment; every bad value is reported, not only the first. */
export function loadConfig(env: NodeJS.ProcessEnv): Config {
  const parsed = envSchema.safeParse(env);
  const problems = parsed.success ? [] : parsed.error.issues.map((issue) => issue.message);
  const bootstrapSet = BOOTSTRAP_VARS.filter((name) => env[name]?.trim());
  if (bootstrapSet.length > 0 && bootstrapSet.length < BOOTSTRAP_VARS.length) {
    const missing = BOOTSTRAP_VARS.filter((name) => !bootstrapSet.includes(name));
    problems.push(`${BOOTSTRAP_VARS.join(', ')} must be set together or not at all (missing: ${missing.join(', ')})`);
  }
  if (parsed.success && parsed.data.TOKEN_TTL_SECONDS > parsed.data.TOKEN_MAX_TTL_SECONDS) {
    problems.push('TOKEN_TTL_SECONDS must not exceed TOKEN_MAX_TTL_SECONDS');
  }
  if (parsed.success && parsed.data.DATABASE_URL && !parsed.data.TOKEN_MASTER_KEY) {
    problems.push(
      `TOKEN_MASTER_KEY must be set when DATABASE_URL is: it seals the apps' token keys; give it ${MASTER_KEY_HINT}`,
    );
  }
  if (env.TRUST_PROXY?.trim()) {
    problems.push(
      'TRUST_PROXY is replaced by TRUSTED_PROXIES=N, the number of proxies in front (1 behind the nginx of deploy/)',
    );
  }
  if (parsed.success && parsed.data.METRICS_PORT !== undefined && parsed.data.METRICS_PORT === parsed.data.PORT) {
    problems.push('METRICS_PORT must differ from PORT');
  }
  if (!parsed.success || problems.length > 0) throw new ConfigError(problems);
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST!,
    databaseUrl: e.DATABASE_URL,
    dataDir: e.DATA_DIR!,
    dbPoolSize: e.DB_POOL_SIZE,
    logLevel: e.LOG_LEVEL,
    heapGrowingPercent: e.HEAP_GROWING_PERCENT,
    bodyLimitBytes: e.BODY_LIMIT,
    trustedProxies: e.TRUSTED_PROXIES,
    server: {
      headersTimeoutMs: Math.min(e.HTTP_HEADERS_TIMEOUT_MS, e.HTTP_REQUEST_TIMEOUT_MS),
      requestTimeoutMs: e.HTTP_REQUEST_TIMEOUT_MS,
      keepAliveTimeoutMs: e.HTTP_KEEP_ALIVE_TIMEOUT_MS,
      maxConnections: e.HTTP_MAX_CONNECTIONS,
      maxRequestsPerSocket: e.HTTP_MAX_REQUESTS_PER_SOCKET,
    },
    tokenHashesInFlight: e.TOKEN_HASHES_IN_FLIGHT,
    coalesceAdds: e.COALESCE_ADDS,
    tokenPolicy: { defaultTtlSeconds: e.TOKEN_TTL_SECONDS, maxTtlSeconds: e.TOKEN_MAX_TTL_SECONDS },
    appSettings: {
      roomQuota: e.APP_ROOM_QUOTA,
      joinedRoomCap: e.APP_JOINED_ROOM_CAP,
      maxUsersCeiling: e.APP_MAXUSERS_CEILING,
      customRoomIds: e.APP_CUSTOM_ROOM_IDS,
      rateLimit: e.APP_RATE_LIMIT,
    },
    tokenMasterKey: e.TOKEN_MASTER_KEY,
    events: {
      retentionDays: e.EVENT_RETENTION_DAYS,
      publishTimeoutMs: e.EVENT_PUBLISH_TIMEOUT_MS,
      deliver: e.EVENT_DELIVERY,
      gatherMs: e.EVENT_GATHER_MS,
      allowPrivateDestinations: e.WEBHOOK_ALLOW_PRIVATE,
    },
    bootstrap:
      e.BOOTSTRAP_ORG && e.BOOTSTRAP_APP && e.BOOTSTRAP_CLIENT_ID && e.BOOTSTRAP_CLIENT_SECRET
        ? {
            org: e.BOOTSTRAP_ORG,
            app: e.BOOTSTRAP_APP,
            clientId: e.BOOTSTRAP_CLIENT_ID,
            clientSecret: e.BOOTSTRAP_CLIENT_SECRET,
          }
        : undefined,
    dbSessionLimits: {
      statementTimeoutMs: e.DB_STATEMENT_TIMEOUT_MS,
      lockTimeoutMs: e.DB_LOCK_TIMEOUT_MS,
      idleInTransactionTimeoutMs: e.DB_IDLE_IN_TRANSACTION_TIMEOUT_MS,
    },
    dbMigrationTimeoutMs: e.DB_MIGRATION_TIMEOUT_MS,
    metricsToken: e.METRICS_TOKEN,
    metricsPort: e.METRICS_PORT,
    rateLimitStoreTimeoutMs: e.RATE_LIMIT_STORE_TIMEOUT_MS,
    shutdownDrainMs: e.SHUTDOWN_DRAIN_MS,
  };
}
