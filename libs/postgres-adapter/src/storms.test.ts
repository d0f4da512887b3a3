import { describeStorms } from '@chatroom/sql-store-kit/storm-suite';
import { openPostgresAdapter } from './open-postgres-adapter.js';
import { auditCounters } from './test-support/audit-counters.js';
import { createTestDatabase } from './testing/create-test-database.js';

describeStorms('postgres', {
  database: await createTestDatabase(),
  open: (databaseUrl) => openPostgresAdapter({ databaseUrl }),
  auditCounters,
});
