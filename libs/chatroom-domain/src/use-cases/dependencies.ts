import type { Clock } from '../ports/clock.js';
import type { CredentialHasher } from '../ports/credential-hasher.js';
import type { Random } from '../ports/random.js';
import type { TokenSigner } from '../ports/token-signer.js';
import type { UnitOfWork } from '../ports/unit-of-work.js';

/** Every port a use case may need; each use case takes the few it uses (ids come with the unit of work's repositories). */
export interface Dependencies {
  readonly uow: UnitOfWork;
  readonly clock: Clock;
  readonly random: Random;
  readonly hasher: CredentialHasher;
  readonly tokens: TokenSigner;
}
