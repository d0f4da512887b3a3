export { auditCounterQueries, CLEAN_AUDIT, type CounterAudit } from './counter-audit-queries.js';
export { Refused, seedApp, seedRoom, seedUsers } from './seed.js';
