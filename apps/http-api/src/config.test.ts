import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, servingProblems } from './config.js';

function problems(env: Record<string, string>): readonly string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

const MASTER_KEY_HEX = 'ab'.repeat(32);

describe('loadConfig', () => {
  it('has the documented defaults', () => {
    expect(loadConfig({})).toEqual({
      port: 8080,
      host: '0.0.0.0',
      databaseUrl: undefined,
      dataDir: '.chatroom-data',
      dbPoolSize: 10,
      heapGrowingPercent: 30,
      logLevel: 'info',
      bodyLimitBytes: 1024 * 1024,
      trustedProxies: 0,
      server: {
        headersTimeoutMs: 10_000,
        requestTimeoutMs: 30_000,
        keepAliveTimeoutMs: 5_000,
        maxConnections: 1_000,
        maxRequestsPerSocket: 10_000,
      },
      tokenHashesInFlight: 8,
      coalesceAdds: true,
      tokenPolicy: { defaultTtlSeconds: 7 * 86_400, maxTtlSeconds: 365 * 86_400 },
      appSettings: {
        roomQuota: 100_000,
        joinedRoomCap: 10_000,
        maxUsersCeiling: 10_000,
        customRoomIds: true,
        rateLimit: 'off',
      },
      bootstrap: undefined,
      tokenMasterKey: undefined,
      dbSessionLimits: { statementTimeoutMs: 8_000, lockTimeoutMs: 3_000, idleInTransactionTimeoutMs: 15_000 },
      dbMigrationTimeoutMs: 600_000,
      metricsToken: undefined,
      metricsPort: undefined,
      rateLimitStoreTimeoutMs: 200,
      shutdownDrainMs: 0,
      events: {
        retentionDays: 30,
        publishTimeoutMs: 5000,
        deliver: true,
        gatherMs: 100,
        allowPrivateDestinations: false,
      },
    });
  });

  it('reads every variable', () => {
    const config = loadConfig({
      PORT: '9000',
      HOST: '127.0.0.1',
      DATABASE_URL: 'postgres://u@db:5432/chat',
      DATA_DIR: '/var/lib/chat',
      DB_POOL_SIZE: '25',
      HEAP_GROWING_PERCENT: '0',
      LOG_LEVEL: 'debug',
      BODY_LIMIT: '512kb',
      TRUSTED_PROXIES: '2',
      HTTP_HEADERS_TIMEOUT_MS: '3000',
      HTTP_REQUEST_TIMEOUT_MS: '4000',
      HTTP_KEEP_ALIVE_TIMEOUT_MS: '6000',
      HTTP_MAX_CONNECTIONS: '50',
      HTTP_MAX_REQUESTS_PER_SOCKET: '0',
      TOKEN_HASHES_IN_FLIGHT: '3',
      WEBHOOK_ALLOW_PRIVATE: 'true',
      METRICS_PORT: '9100',
      COALESCE_ADDS: 'false',
      TOKEN_TTL_SECONDS: '3600',
      TOKEN_MAX_TTL_SECONDS: '7200',
      APP_ROOM_QUOTA: '5',
      APP_JOINED_ROOM_CAP: '6',
      APP_MAXUSERS_CEILING: '7',
      APP_CUSTOM_ROOM_IDS: 'false',
      TOKEN_MASTER_KEY: MASTER_KEY_HEX,
      BOOTSTRAP_ORG: 'acme',
      BOOTSTRAP_APP: 'chat',
      BOOTSTRAP_CLIENT_ID: 'id',
      BOOTSTRAP_CLIENT_SECRET: 'secret',
      DB_STATEMENT_TIMEOUT_MS: '1000',
      DB_LOCK_TIMEOUT_MS: '0',
      DB_IDLE_IN_TRANSACTION_TIMEOUT_MS: '2000',
      DB_MIGRATION_TIMEOUT_MS: '60000',
      METRICS_TOKEN: 'scrape-me',
      RATE_LIMIT_STORE_TIMEOUT_MS: '50',
      APP_RATE_LIMIT: '25',
      SHUTDOWN_DRAIN_MS: '4000',
      EVENT_RETENTION_DAYS: '7',
      EVENT_PUBLISH_TIMEOUT_MS: '2000',
      EVENT_DELIVERY: 'false',
      EVENT_GATHER_MS: '40',
    });
    expect(config).toEqual({
      port: 9000,
      host: '127.0.0.1',
      databaseUrl: 'postgres://u@db:5432/chat',
      dataDir: '/var/lib/chat',
      dbPoolSize: 25,
      heapGrowingPercent: 0,
      logLevel: 'debug',
      bodyLimitBytes: 512 * 1024,
      trustedProxies: 2,
      server: {
        headersTimeoutMs: 3000,
        requestTimeoutMs: 4000,
        keepAliveTimeoutMs: 6000,
        maxConnections: 50,
        maxRequestsPerSocket: 0,
      },
      tokenHashesInFlight: 3,
      coalesceAdds: false,
      tokenPolicy: { defaultTtlSeconds: 3600, maxTtlSeconds: 7200 },
      tokenMasterKey: Buffer.from(MASTER_KEY_HEX, 'hex'),
      appSettings: {
        roomQuota: 5,
        joinedRoomCap: 6,
        maxUsersCeiling: 7,
        customRoomIds: false,
        rateLimit: { perSecond: 25 },
      },
      bootstrap: { org: 'acme', app: 'chat', clientId: 'id', clientSecret: 'secret' },
      dbSessionLimits: { statementTimeoutMs: 1000, lockTimeoutMs: 0, idleInTransactionTimeoutMs: 2000 },
      dbMigrationTimeoutMs: 60_000,
      metricsToken: 'scrape-me',
      metricsPort: 9100,
      rateLimitStoreTimeoutMs: 50,
      shutdownDrainMs: 4000,
      events: {
        retentionDays: 7,
        publishTimeoutMs: 2000,
        deliver: false,
        gatherMs: 40,
        allowPrivateDestinations: true,
      },
    });
  });

  it.each(['off', 'easemob', 'EASEMOB'])('APP_RATE_LIMIT=%s is read', (raw) => {
    expect(loadConfig({ APP_RATE_LIMIT: raw }).appSettings.rateLimit).toBe(raw.toLowerCase());
  });

  it.each(['postgres://u@db/chat', 'mysql://u@db/chat'])(
    'refuses to serve %s without METRICS_TOKEN or METRICS_PORT, and serves with either',
    (url) => {
      const production = { DATABASE_URL: url, TOKEN_MASTER_KEY: MASTER_KEY_HEX };
      expect(servingProblems(loadConfig(production))).toEqual([
        'METRICS_TOKEN or METRICS_PORT must be set when DATABASE_URL is: /metrics is not served openly in production; give METRICS_TOKEN a random value (openssl rand -hex 32) or serve it on a separate METRICS_PORT',
      ]);
      expect(servingProblems(loadConfig({ ...production, METRICS_TOKEN: 't' }))).toEqual([]);
      expect(servingProblems(loadConfig({ ...production, METRICS_PORT: '9100' }))).toEqual([]);
    },
  );

  it('embedded PGlite keeps /metrics open for development', () => {
    expect(servingProblems(loadConfig({}))).toEqual([]);
  });

  it('refuses the old TRUST_PROXY and names its replacement', () => {
    expect(problems({ TRUST_PROXY: 'true' })).toEqual([
      'TRUST_PROXY is replaced by TRUSTED_PROXIES=N, the number of proxies in front (1 behind the nginx of deploy/)',
    ]);
  });

  it('refuses METRICS_PORT equal to PORT', () => {
    expect(problems({ PORT: '9000', METRICS_PORT: '9000' })).toEqual(['METRICS_PORT must differ from PORT']);
  });

  it('refuses DATABASE_URL without TOKEN_MASTER_KEY in one sentence that names it and says how to make one', () => {
    expect(problems({ DATABASE_URL: 'postgres://u@db/chat' })).toEqual([
      "TOKEN_MASTER_KEY must be set when DATABASE_URL is: it seals the apps' token keys; give it 32 or more random bytes in hex or base64 (make one with: openssl rand -hex 32)",
    ]);
  });

  it.each(['abc', '00'.repeat(31), 'not a key, though it is long enough to be one'])(
    'refuses TOKEN_MASTER_KEY=%s without repeating it',
    (raw) => {
      expect(problems({ TOKEN_MASTER_KEY: raw })).toEqual([
        'TOKEN_MASTER_KEY must be 32 or more random bytes in hex or base64 (make one with: openssl rand -hex 32)',
      ]);
    },
  );

  it.each(['0', '-3', '1.5', 'fast'])('refuses APP_RATE_LIMIT=%s', (raw) => {
    expect(problems({ APP_RATE_LIMIT: raw })).toEqual([
      `APP_RATE_LIMIT must be off, easemob or a whole number of requests per second from 1 to 1000000 (got "${raw}")`,
    ]);
  });

  it.each([
    ['off', 'off'],
    ['easemob', 'easemob'],
    ['EASEMOB', 'easemob'],
    ['100', { perSecond: 100 }],
  ])('APP_RATE_LIMIT=%s', (raw, setting) => {
    expect(loadConfig({ APP_RATE_LIMIT: raw }).appSettings.rateLimit).toEqual(setting);
  });

  it.each(['0', 'fast', '1.5', '2000000'])('APP_RATE_LIMIT=%s is refused', (raw) => {
    expect(problems({ APP_RATE_LIMIT: raw })).toEqual([
      `APP_RATE_LIMIT must be off, easemob or a whole number of requests per second from 1 to 1000000 (got "${raw}")`,
    ]);
  });

  it.each([
    ['1048576', 1_048_576],
    ['1mb', 1_048_576],
    ['2 MB', 2 * 1_048_576],
    ['100b', 100],
  ])('BODY_LIMIT=%s is %d bytes', (raw, bytes) => {
    expect(loadConfig({ BODY_LIMIT: raw }).bodyLimitBytes).toBe(bytes);
  });

  it.each(['postgres://u@db/chat', 'postgresql://u@db/chat', 'mysql://root@db:3306/chat', 'mariadb://root@db/chat'])(
    'DATABASE_URL=%s is accepted (the composition root picks the store by its scheme)',
    (url) => {
      expect(loadConfig({ DATABASE_URL: url, TOKEN_MASTER_KEY: 'ab'.repeat(32) }).databaseUrl).toBe(url);
    },
  );

  it.each([
    ['PORT', 'http', 'PORT must be an integer from 0 to 65535 (got "http")'],
    ['PORT', '70000', 'PORT must be an integer from 0 to 65535 (got "70000")'],
    ['DB_POOL_SIZE', '0', 'DB_POOL_SIZE must be an integer from 1 to 1000 (got "0")'],
    ['HEAP_GROWING_PERCENT', '-5', 'HEAP_GROWING_PERCENT must be an integer from 0 to 1000 (got "-5")'],
    ['DATABASE_URL', 'sqlite://x', 'DATABASE_URL must be a postgres://, postgresql://, mysql:// or mariadb:// URL'],
    ['LOG_LEVEL', 'loud', 'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent (got "loud")'],
    ['BODY_LIMIT', 'huge', 'BODY_LIMIT must be a size such as 1mb, 512kb or 1048576 (got "huge")'],
    ['TOKEN_TTL_SECONDS', '-5', 'TOKEN_TTL_SECONDS must be an integer from 1 to 3153600000 (got "-5")'],
    ['APP_ROOM_QUOTA', '1.5', 'APP_ROOM_QUOTA must be an integer from 1 to 1000000000 (got "1.5")'],
    ['APP_CUSTOM_ROOM_IDS', 'maybe', 'APP_CUSTOM_ROOM_IDS must be true or false (got "maybe")'],
    ['SHUTDOWN_DRAIN_MS', '90000', 'SHUTDOWN_DRAIN_MS must be an integer from 0 to 60000 (got "90000")'],
    ['EVENT_RETENTION_DAYS', '0', 'EVENT_RETENTION_DAYS must be an integer from 1 to 36500 (got "0")'],
    ['EVENT_PUBLISH_TIMEOUT_MS', '50', 'EVENT_PUBLISH_TIMEOUT_MS must be an integer from 100 to 60000 (got "50")'],
    ['EVENT_DELIVERY', 'maybe', 'EVENT_DELIVERY must be true or false (got "maybe")'],
    ['EVENT_GATHER_MS', '5000', 'EVENT_GATHER_MS must be an integer from 0 to 1000 (got "5000")'],
  ])('%s=%s → one clear message', (name, value, message) => {
    expect(problems({ [name]: value })).toEqual([message]);
  });

  it('reports every bad value at once, not only the first', () => {
    expect(problems({ PORT: 'x', LOG_LEVEL: 'y', APP_JOINED_ROOM_CAP: 'z' })).toHaveLength(3);
  });

  it('the four BOOTSTRAP_* variables go together', () => {
    expect(problems({ BOOTSTRAP_ORG: 'acme', BOOTSTRAP_APP: 'chat' })).toEqual([
      'BOOTSTRAP_ORG, BOOTSTRAP_APP, BOOTSTRAP_CLIENT_ID, BOOTSTRAP_CLIENT_SECRET must be set together or not at all (missing: BOOTSTRAP_CLIENT_ID, BOOTSTRAP_CLIENT_SECRET)',
    ]);
  });

  it('the default token lifetime may not exceed the longest one', () => {
    expect(problems({ TOKEN_TTL_SECONDS: '100', TOKEN_MAX_TTL_SECONDS: '50' })).toEqual([
      'TOKEN_TTL_SECONDS must not exceed TOKEN_MAX_TTL_SECONDS',
    ]);
  });

  it('the error message lists the problems, one per line', () => {
    expect(() => loadConfig({ PORT: 'x' })).toThrow('invalid configuration:\n  - PORT must be an integer');
  });
});
