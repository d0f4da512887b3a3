export {
  openPostgresAdapter,
  type PostgresAdapter,
  type PostgresAdapterOptions,
} from './open-postgres-adapter.js';
export { KyselyEventRuleStore } from './kysely-event-rule-store.js';
