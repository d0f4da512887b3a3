import { InMemoryConsoleQueries, inMemoryDependencies, InMemoryOperatorStore, type InMemoryDependencies } from '@chatroom/domain';
import type { Container } from 'inversify';
import type { Database } from '../ports/database.js';
import { TOKENS } from '../ports/tokens.js';

/**
 * Replaces every port of a container from `createContainer` with the domain's in-memory
 * adapters (call before the first `getAsync`). Fast HTTP tests use it; it is also the
 * template for plugging in other adapters: rebind the port's token, nothing else changes.
 */
export function useInMemoryAdapters(
  container: Container,
  deps: InMemoryDependencies = inMemoryDependencies(),
): InMemoryDependencies {
  const database: Database = {
    kind: 'memory',
    uow: deps.uow,
    operators: new InMemoryOperatorStore(),
    consoleQueries: new InMemoryConsoleQueries(deps.uow.state),
    ...(deps.importProgress && { importProgress: deps.importProgress }),
    isReady: async () => true,
    close: async () => {},
  };
  container.rebind<Database>(TOKENS.Database).toConstantValue(database);
  container.rebind(TOKENS.Clock).toConstantValue(deps.clock);
  container.rebind(TOKENS.Random).toConstantValue(deps.random);
  container.rebind(TOKENS.CredentialHasher).toConstantValue(deps.hasher);
  container.rebind(TOKENS.TokenSigner).toConstantValue(deps.tokens);
  container.rebind(TOKENS.SecretHasher).toConstantValue(deps.secretHasher);
  container.rebind(TOKENS.KeySealer).toConstantValue(deps.sealer);
  return deps;
}
