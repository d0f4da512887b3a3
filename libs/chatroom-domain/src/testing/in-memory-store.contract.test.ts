import { InMemoryUnitOfWork } from '../in-memory/in-memory-unit-of-work.js';
import { describeStoreContracts } from './store-contracts.js';
import type { StoreFactory, StoreHandle } from './store-factory.js';

let last: StoreHandle | undefined;

const factory: StoreFactory = {
  async open() {
    const uow = new InMemoryUnitOfWork();
    last = { uow, ids: uow.ids, close: async () => {} };
    return last;
  },
  // Two "processes" on one in-memory store share its unit of work and its id generator.
  async openSecond() {
    if (!last) throw new Error('open() first');
    return { uow: last.uow, ids: last.ids, close: async () => {} };
  },
};

describeStoreContracts('in-memory', factory);
