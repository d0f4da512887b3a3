import { InMemoryCredentialHasher } from '../in-memory/in-memory-credential-hasher.js';
import { InMemoryIdGenerator } from '../in-memory/in-memory-id-generator.js';
import { InMemoryTokenSigner } from '../in-memory/in-memory-token-signer.js';
import { ManualClock } from '../in-memory/manual-clock.js';
import { SequentialRandom } from '../in-memory/sequential-random.js';
import { describeClockContract } from './clock-contract.js';
import { describeCredentialHasherContract } from './credential-hasher-contract.js';
import { describeIdGeneratorContract } from './id-generator-contract.js';
import { describeRandomContract } from './random-contract.js';
import { describeTokenSignerContract } from './token-signer-contract.js';

describeIdGeneratorContract('in-memory', async () => {
  const first = new InMemoryIdGenerator();
  return { first, second: first.sharing(), close: async () => {} };
});
describeCredentialHasherContract('in-memory', () => new InMemoryCredentialHasher());
describeRandomContract('in-memory', () => new SequentialRandom());
describeClockContract('in-memory manual clock', () => new ManualClock());
describeTokenSignerContract('in-memory', () => new InMemoryTokenSigner());
