import {
  InMemoryConsoleQueries,
  inMemoryDependencies,
  InMemoryOperatorStore,
  type InMemoryDependencies,
} from '@chatroom/domain';
import type { Container } from 'inversify';
import type { Database } from '../ports/database.js';
import { asSecretHasher, TOKENS } from '../ports/tokens.js';
import { bindValue } from './bind.js';

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
  bindValue(container, TOKENS.Database, database, 'rebind');
  bindValue(container, TOKENS.Clock, deps.clock, 'rebind');
  bindValue(container, TOKENS.Random, deps.random, 'rebind');
  bindValue(container, TOKENS.CredentialHasher, deps.hasher, 'rebind');
  bindValue(container, TOKENS.TokenSigner, deps.tokens, 'rebind');
  bindValue(container, TOKENS.SecretHasher, asSecretHasher(deps.secretHasher), 'rebind');
  bindValue(container, TOKENS.KeySealer, deps.sealer, 'rebind');
  return deps;
}
