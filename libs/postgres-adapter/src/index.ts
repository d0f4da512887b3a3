export {
  openPostgresAdapter,
  type PostgresAdapter,
  type PostgresAdapterOptions,
} from './open-postgres-adapter.js';
export { PostgresEventRuleStore } from './postgres-event-rule-store.js';
export { DEFAULT_SESSION_LIMITS, type PgSessionLimits, type PoolStats } from './pg-dialect.js';
export { RATE_LIMITS_TABLE } from './migrations/0004-rate-limits.js';
