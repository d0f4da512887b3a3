export { createTestMariadbDatabase, type TestMariadbDatabase } from './create-test-database.js';
export { auditCounters, CLEAN_AUDIT, type CounterAudit } from './audit-counters.js';
