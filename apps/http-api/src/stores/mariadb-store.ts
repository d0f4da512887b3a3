import { openMariadbAdapter, RATE_LIMITS_TABLE } from '@chatroom/mariadb-adapter';
import { mariadbBudgets } from './mariadb-rate-budgets.js';
import { sqlStore, type StoreRegistration } from './store-registration.js';

/** MariaDB (or MySQL) through a pool on mysql:// or mariadb://. */
export const mariadbStore: StoreRegistration = {
  schemes: ['mysql', 'mariadb'],
  async open(config, hooks) {
    const adapter = await openMariadbAdapter({
      databaseUrl: config.databaseUrl!,
      poolSize: config.dbPoolSize,
      onRetry: (_attempt, code) => hooks.onRetry(code),
      onEventsCommitted: () => hooks.onEventsCommitted(),
    });
    return sqlStore(adapter);
  },
  budgets: (databaseUrl, options) => mariadbBudgets({ ...options, databaseUrl, tableName: RATE_LIMITS_TABLE }),
};
