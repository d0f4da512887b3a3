export {
  openMariadbAdapter,
  type MariadbAdapter,
  type MariadbAdapterOptions,
} from './open-mariadb-adapter.js';
export { mysqlUrl } from './mariadb-dialect.js';
export { RATE_LIMITS_TABLE } from './migrations/0007-rate-limits.js';
