import { InMemoryState } from '../in-memory/in-memory-state.js';
import { inMemoryRepositories, InMemoryUnitOfWork } from '../in-memory/in-memory-unit-of-work.js';
import { countingRepositories, QueryCounter } from './counting-repositories.js';
import { LIST_UNIT_CALLS } from './list-write-cases.js';
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
  // Repository calls (the units over the repositories: RoomCommandsOverUnits).
  writeRoundTrips: {
    create: 5,
    'create, user missing': 1,
    'create, id taken': 3,
    'create, quota exceeded': 3,
    'create, user at the joined-room cap': 4,
    add: 5,
    'add, already a member': 4,
    'add, room missing': 1,
    'add, user missing': 2,
    'add, blocked': 4,
    'add, room full': 4,
    'add, user at the joined-room cap': 4,
    remove: 7,
    'remove, room missing': 1,
    'remove, user missing': 2,
    'remove, the owner': 2,
    'remove, not a member': 3,
    transfer: 4,
    'transfer, room missing': 1,
    'transfer, user missing': 2,
    'transfer, same owner': 2,
    'transfer, not a member': 3,
    dissolve: 4,
    'dissolve, room missing': 1,
    mute: 4,
    unmute: 4,
    'unmute a batch': 3,
    'unmute a batch, room missing': 1,
    'mute, room missing': 1,
    'mute, not a member': 2,
    promote: 6,
    'promote, already an admin': 3,
    'promote, room missing': 1,
    'promote, user missing': 2,
    'promote, not a member': 3,
    'promote, the owner': 3,
    'promote, admin limit': 4,
    demote: 5,
    'demote, room missing': 1,
    'demote, user missing': 2,
    'demote, not an admin': 3,
    announce: 3,
    'announce, room missing': 1,
    'mute all': 3,
    'mute all, room missing': 1,
    ...LIST_UNIT_CALLS,
    modify: 3,
    'modify, room missing': 1,
    'modify, maxusers below the members': 1,
    'set attributes': 6,
    'set attributes, owned by another': 5,
    'set attributes, forced': 6,
    'set attributes, room at its limit': 5,
    'set attributes, room missing': 1,
    'set attributes, not in the room': 2,
    'delete attributes, owned by another': 4,
    'delete attributes': 5,
    'delete attributes, key missing': 4,
    'delete attributes, forced': 4,
    'delete attributes, room missing': 1,
    'delete attributes, not in the room': 2,
    'delete user': 7,
    'delete user, missing': 1,
  },
  concurrentUnits: false,
  serialisedBecause:
    'InMemoryUnitOfWork runs one unit at a time (a promise chain): that is how it is atomic and isolated',
};

describeStoreContracts('in-memory', factory);
