import type {
  Clock,
  CredentialHasher,
  Dependencies,
  KeySealer,
  Random,
  TokenSigner,
  UnitOfWork,
} from '@chatroom/domain';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import type { Database } from './database.js';
import type { UseCases } from './use-cases.js';

declare const boundType: unique symbol;

/**
 * A service identifier that carries the type bound to it. The phantom is a function of T in both
 * directions, so `Token<A>` and `Token<B>` are interchangeable only when A and B are the same type:
 * the typed binding (composition/bind.ts) then refuses a dependency list in the wrong order.
 */
export type Token<T> = symbol & { readonly [boundType]: (value: T) => T };

/** A symbol standing for a `T`; nothing outside this package can collide with it. */
export function token<T>(description: string): Token<T> {
  return Symbol(description) as Token<T>;
}

declare const secretCost: unique symbol;

/**
 * The hasher for app client secrets and operator passwords: the domain's `CredentialHasher` at a
 * higher cost than the one for user passwords. The brand exists only for the compiler, so that the
 * wiring cannot take one hasher for the other; `asSecretHasher` marks the instance bound to it.
 */
export type SecretHasher = CredentialHasher & { readonly [secretCost]: true };

export function asSecretHasher(hasher: CredentialHasher): SecretHasher {
  return hasher as SecretHasher;
}

/**
 * The service identifiers that parts of the app below the composition root resolve (the admin CLI,
 * tests). The ones only the composition root and its service start use are in
 * composition/service-tokens.ts.
 */
export const TOKENS = {
  Config: token<Config>('Config'),
  Logger: token<Logger>('Logger'),
  /** the store and its lifecycle, webhook secrets sealed */
  Database: token<Database>('Database'),
  /** the store as the adapter opened it (secrets as stored) */
  Store: token<Database>('Store'),
  /** TOKEN_MASTER_KEY, or the data directory's key on PGlite */
  MasterKey: token<Buffer>('MasterKey'),
  UnitOfWork: token<UnitOfWork>('UnitOfWork'),
  Clock: token<Clock>('Clock'),
  Random: token<Random>('Random'),
  /** for user passwords */
  CredentialHasher: token<CredentialHasher>('CredentialHasher'),
  TokenSigner: token<TokenSigner>('TokenSigner'),
  /** for app client secrets and operator passwords */
  SecretHasher: token<SecretHasher>('SecretHasher'),
  KeySealer: token<KeySealer>('KeySealer'),
  /** every port in one object, as the use cases take them */
  Dependencies: token<Dependencies>('Dependencies'),
  UseCases: token<UseCases>('UseCases'),
} as const;
