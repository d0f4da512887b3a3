export {
  openMariadbAdapter,
  type MariadbAdapter,
  type MariadbAdapterOptions,
} from './open-mariadb-adapter.js';
export { mysqlUrl } from './mariadb-dialect.js';
