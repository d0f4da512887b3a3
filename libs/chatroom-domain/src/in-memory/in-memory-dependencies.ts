import type { Dependencies } from '../use-cases/dependencies.js';
import { InMemoryCredentialHasher } from './in-memory-credential-hasher.js';
import { InMemoryKeySealer } from './in-memory-key-sealer.js';
import { InMemoryTokenSigner } from './in-memory-token-signer.js';
import { InMemoryUnitOfWork } from './in-memory-unit-of-work.js';
import { ManualClock } from './manual-clock.js';
import { SequentialRandom } from './sequential-random.js';

export interface InMemoryDependencies extends Dependencies {
  readonly uow: InMemoryUnitOfWork;
  readonly clock: ManualClock;
}

/** Every port with its in-memory adapter: a whole domain with no I/O, for tests. */
export function inMemoryDependencies(): InMemoryDependencies {
  const clock = new ManualClock();
  return {
    uow: new InMemoryUnitOfWork(undefined, undefined, clock),
    clock,
    random: new SequentialRandom(),
    hasher: new InMemoryCredentialHasher(),
    secretHasher: new InMemoryCredentialHasher(),
    sealer: new InMemoryKeySealer(),
    tokens: new InMemoryTokenSigner(),
  };
}
