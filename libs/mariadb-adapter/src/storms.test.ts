import { describeStorms } from '@chatroom/sql-store-kit/storm-suite';
import { openMariadbAdapter } from './open-mariadb-adapter.js';
import { auditCounters } from './testing/audit-counters.js';
import { createTestMariadbDatabase } from './testing/create-test-database.js';

describeStorms('mariadb', {
  database: await createTestMariadbDatabase(),
  open: (databaseUrl) => openMariadbAdapter({ databaseUrl }),
  auditCounters,
});
