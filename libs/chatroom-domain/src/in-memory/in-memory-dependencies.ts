import { InMemoryImportProgress } from './in-memory-import-progress.js';
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
  /** Kept beside the store, as the SQL stores keep it in their database. */
  readonly importProgress?: InMemoryImportProgress;
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
    importProgress: new InMemoryImportProgress(),
  };
}
