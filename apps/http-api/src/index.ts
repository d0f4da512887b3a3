// What other packages (tools, a platform's own entry point) may build on.
export { loadConfig, ConfigError, type Config, type BootstrapApp } from './config.js';
export { createContainer } from './composition/container.js';
export { useInMemoryAdapters } from './composition/in-memory-adapters.js';
export { TOKENS } from './composition/tokens.js';
export type { Database } from './composition/database.js';
export type { UseCases } from './composition/use-cases.js';
export { createHttpApp, type HttpAppOptions } from './http/app.js';
export { startService, type RunningService } from './service.js';
export { postgresBudgets } from './rate-limit/postgres-rate-budgets.js';
