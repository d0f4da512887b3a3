import { openPostgresAdapter, RATE_LIMITS_TABLE } from '@chatroom/postgres-adapter';
import { postgresBudgets } from './postgres-rate-budgets.js';
import { sqlStore, type StoreRegistration } from './store-registration.js';

/** PostgreSQL through a pool on postgres(ql)://; embedded PGlite in DATA_DIR when DATABASE_URL is unset. */
export const postgresStore: StoreRegistration = {
  schemes: ['postgres', 'postgresql'],
  embedded: true,
  async open(config, hooks) {
    const adapter = await openPostgresAdapter({
      ...(config.databaseUrl !== undefined
        ? {
            databaseUrl: config.databaseUrl,
            poolSize: config.dbPoolSize,
            sessionLimits: config.dbSessionLimits,
            migrationTimeoutMs: config.dbMigrationTimeoutMs,
          }
        : { dataDir: config.dataDir }),
      onRetry: (_attempt, sqlState) => hooks.onRetry(sqlState),
      onEventsCommitted: () => hooks.onEventsCommitted(),
    });
    return sqlStore(adapter);
  },
  budgets: (databaseUrl, options) => postgresBudgets({ ...options, databaseUrl, tableName: RATE_LIMITS_TABLE }),
};
