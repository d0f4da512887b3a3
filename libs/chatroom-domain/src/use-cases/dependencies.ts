import type { Clock } from '../ports/clock.js';
import type { CredentialHasher } from '../ports/credential-hasher.js';
import type { KeySealer } from '../ports/key-sealer.js';
import type { Random } from '../ports/random.js';
import type { TokenSigner } from '../ports/token-signer.js';
import type { UnitOfWork } from '../ports/unit-of-work.js';

/** Every port a use case may need; each use case takes the few it uses (ids come with the unit of work's repositories). */
export interface Dependencies {
  readonly uow: UnitOfWork;
  readonly clock: Clock;
  readonly random: Random;
  /** For user passwords: 60 of them are hashed in one registration request. */
  readonly hasher: CredentialHasher;
  /** For app client secrets: checked once per token request, so it can afford a higher cost. */
  readonly secretHasher: CredentialHasher;
  /** Seals the apps' token keys for the store, and opens them. */
  readonly sealer: KeySealer;
  readonly tokens: TokenSigner;
}
