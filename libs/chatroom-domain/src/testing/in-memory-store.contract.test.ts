import { InMemoryState } from '../in-memory/in-memory-state.js';
import { inMemoryRepositories, InMemoryUnitOfWork } from '../in-memory/in-memory-unit-of-work.js';
import { countingRepositories, QueryCounter } from './counting-repositories.js';
import { describeStoreContracts } from './store-contracts.js';
import type { StoreFactory, StoreHandle } from './store-factory.js';

let last: StoreHandle | undefined;

const factory: StoreFactory = {
  async open() {
    const counter = new QueryCounter();
    // The repositories are injected, wrapped to count calls, as a hybrid store's would be.
    const uow = new InMemoryUnitOfWork(new InMemoryState(), undefined, undefined, (state, ids) =>
      countingRepositories(inMemoryRepositories(state, ids), counter),
    );
    last = {
      uow,
      ids: uow.ids,
      probes: {
        blockedUnits: async () => uow.waitingUnits,
        queryCount: () => counter.snapshot(),
        // Member and joined-room counts are derived from the memberships, never stored.
        counterMismatches: async () => [],
      },
      close: async () => {},
    };
    return last;
  },
  // Two "processes" on one in-memory store share its unit of work and its id generator.
  async openSecond() {
    if (!last) throw new Error('open() first');
    return last;
  },
  noDeliveryQueue: 'the in-memory store keeps its events for the domain tests and delivers nothing (no DeliveryQueue)',
  concurrentUnits: false,
  serialisedBecause: 'InMemoryUnitOfWork runs one unit at a time (a promise chain): that is how it is atomic and isolated',
};

describeStoreContracts('in-memory', factory);
