// What other packages (tools, a platform's own entry point) may build on.
export { loadConfig, ConfigError, type Config, type BootstrapApp } from './config.js';
export { createContainer } from './composition/container.js';
export { useInMemoryAdapters } from './composition/in-memory-adapters.js';
export { TOKENS, token, type Token } from './ports/tokens.js';
export { SERVICE_TOKENS } from './composition/service-tokens.js';
export { bindFactory, bindValue, resolve } from './composition/bind.js';
export type { Database } from './ports/database.js';
export type { UseCases } from './ports/use-cases.js';
export { createHttpApp, type HttpAppOptions } from './http/app.js';
export { startService, type RunningService } from './composition/service.js';
export { postgresBudgets } from './stores/postgres-rate-budgets.js';
