import { describeOperatorStoreContract } from '../testing/operator-store-contract.js';
import { InMemoryOperatorStore } from './in-memory-operator-store.js';

describeOperatorStoreContract('in-memory', async () => ({ store: new InMemoryOperatorStore(), close: async () => {} }));
