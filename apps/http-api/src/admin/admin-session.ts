import { DomainError } from '@chatroom/domain';
import type { Container } from 'inversify';
import { ConfigError } from '../config.js';
import type { Database } from '../ports/database.js';
import { TOKENS } from '../ports/tokens.js';
import type { UseCases } from '../ports/use-cases.js';

/** A failure the CLI reports in one sentence, with exit code 1. */
export class AdminFailure extends Error {}

/** Builds the container a command runs on: admin/main.ts passes the real one, tests one bound to in-memory adapters. */
export type ContainerFactory = (env: NodeJS.ProcessEnv) => Container;

/**
 * Opens the same store the service uses (DATABASE_URL, or the PGlite data directory, which a
 * running service holds: then the lock refuses us with a sentence saying so), checks the master
 * key as the service does at start (sealing any clear key), runs `work`, and closes the store.
 * Every failure comes out as an AdminFailure with one sentence.
 */
export async function withUseCases<T>(
  env: NodeJS.ProcessEnv,
  makeContainer: ContainerFactory,
  work: (useCases: UseCases) => Promise<T>,
): Promise<T> {
  let database: Database | undefined;
  try {
    const container = makeContainer(env);
    database = await container.getAsync<Database>(TOKENS.Database);
    const useCases = await container.getAsync<UseCases>(TOKENS.UseCases);
    await useCases.sealAppKeys.execute();
    return await work(useCases);
  } catch (error) {
    throw asFailure(error, env);
  } finally {
    await database?.close().catch(() => {});
  }
}

/** Any error as one sentence (exit code 1); command groups that open the store themselves use it too. */
export function asFailure(error: unknown, env: NodeJS.ProcessEnv): AdminFailure {
  if (error instanceof AdminFailure) return error;
  if (error instanceof ConfigError) return new AdminFailure(error.problems.join('; '));
  if (error instanceof DomainError) {
    if (error.code === 'Unavailable' && error.message === 'Service unavailable') {
      return new AdminFailure(`The database cannot be reached (${describeDatabase(env)}).`);
    }
    return new AdminFailure(error.message);
  }
  // The data-directory lock and the master-key file say what is wrong in a sentence of their own.
  if (error instanceof Error) return new AdminFailure(error.message);
  return new AdminFailure(String(error));
}

/** Where the CLI looked, without a password. */
function describeDatabase(env: NodeJS.ProcessEnv): string {
  const url = env['DATABASE_URL']?.trim();
  if (!url) return `DATA_DIR ${env['DATA_DIR'] || '.chatroom-data'}`;
  try {
    const { hostname, port, pathname } = new URL(url);
    return `DATABASE_URL host ${hostname}:${port || 5432}, database ${pathname.slice(1) || '(default)'}`;
  } catch {
    return 'DATABASE_URL';
  }
}
