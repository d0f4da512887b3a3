export { auditCounterQueries, CLEAN_AUDIT, type CounterAudit } from './counter-audit-queries.js';
export { Refused, seedApp, seedRoom, seedUsers } from './seed.js';
export {
  describeMigrations,
  MIGRATED_TABLES,
  type MigratedStore,
  type MigrationSuiteOptions,
} from './migration-suite.js';
