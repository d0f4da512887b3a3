export {
  openPostgresAdapter,
  type PostgresAdapter,
  type PostgresAdapterOptions,
} from './open-postgres-adapter.js';
