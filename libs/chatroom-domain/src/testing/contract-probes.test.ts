// The contract suite's probe-based checks must be able to fail. Run against stores that break
// what the checks guard, they must reject: an interleaving that is not forced (nothing blocks),
// a store that serialises every unit while claiming concurrency, and repositories that query
// once per room or read a whole list to return one page (injected into the in-memory unit of
// work, as a hybrid store's repositories would be).
import { describe, expect, it } from 'vitest';
import { InMemoryIdGenerator } from '../in-memory/in-memory-id-generator.js';
import { InMemoryState } from '../in-memory/in-memory-state.js';
import { inMemoryRepositories, InMemoryUnitOfWork } from '../in-memory/in-memory-unit-of-work.js';
import type { Repositories, UnitOfWork } from '../ports/unit-of-work.js';
import { countingRepositories, QueryCounter } from './counting-repositories.js';
import { meet } from './concurrency-contract.js';
import { forceAddWhileDissolving, forceDeleteWhileTransferring } from './interleavings-contract.js';
import { checkDetailsCost, checkKeysetPaging } from './query-count-contract.js';
import type { StoreHandle } from './store-factory.js';
import { seedApp } from './store-fixtures.js';
import { RoomCommandsOverUnits } from '../use-cases/room-commands/room-commands-over-units.js';

function handle(uow: UnitOfWork, blockedUnits: () => number, counter = new QueryCounter()): StoreHandle {
  return {
    uow,
    ids: new InMemoryIdGenerator(),
    probes: {
      blockedUnits: async () => blockedUnits(),
      queryCount: () => counter.snapshot(),
      counterMismatches: async () => [],
    },
    close: async () => {},
  };
}

/** An in-memory store whose counted repositories are changed by `rewire` (which sees the counted ones). */
function rewired(rewire: (counted: Repositories) => Partial<Repositories>): StoreHandle {
  const counter = new QueryCounter();
  const uow = new InMemoryUnitOfWork(new InMemoryState(), undefined, undefined, (state, ids) => {
    const counted = countingRepositories(inMemoryRepositories(state, ids), counter);
    return { ...counted, ...rewire(counted) };
  });
  return handle(uow, () => uow.waitingUnits, counter);
}

/** A unit of work with no isolation at all: every unit runs at once, nothing ever waits. */
function unguarded(): StoreHandle {
  const repos = inMemoryRepositories(new InMemoryState());
  const uow: UnitOfWork = {
    write: (work) => work(repos),
    read: (work) => work(repos),
    get commands() {
      return new RoomCommandsOverUnits(uow);
    },
  };
  return handle(uow, () => 0);
}

describe('the contract checks reject stores that break what they guard', () => {
  it('a forced interleaving fails when the second unit never waits', async () => {
    await expect(forceAddWhileDissolving(unguarded(), 200)).rejects.toThrow(/the interleaving was not forced/);
    await expect(forceDeleteWhileTransferring(unguarded(), 200)).rejects.toThrow(/the interleaving was not forced/);
  });

  it('the same interleavings pass on a store whose second unit waits (the in-memory chain)', async () => {
    const uow = new InMemoryUnitOfWork();
    const h = handle(uow, () => uow.waitingUnits);
    await forceAddWhileDissolving(h, 2_000);
    await forceDeleteWhileTransferring(h, 2_000);
  });

  it('a store that runs units one at a time cannot pass for concurrent: the two units never meet', async () => {
    const uow = new InMemoryUnitOfWork();
    const h = handle(uow, () => uow.waitingUnits);
    const app = await seedApp(h);
    // The concurrency contract requires ['committed', 'committed'] of a store declaring concurrentUnits: true.
    expect(await meet(h, h, app, 200)).toEqual(['timed out', 'committed']);
    // And an unguarded store runs them at once.
    const free = unguarded();
    expect(await meet(free, free, await seedApp(free), 2_000)).toEqual(['committed', 'committed']);
  });

  it('affiliations fetched room by room (one query per room) fail the constant-query check', async () => {
    const h = rewired((counted) => ({
      memberships: Object.assign(Object.create(counted.memberships) as Repositories['memberships'], {
        async affiliations(appId: string, roomIds: readonly string[]) {
          const all = new Map();
          for (const id of roomIds)
            for (const [k, v] of await counted.memberships.affiliations(appId, [id])) all.set(k, v);
          return all;
        },
      }),
    }));
    await expect(checkDetailsCost(h)).rejects.toThrow(/expected \d+ to be 2/);
  });

  it('a page cut from the whole list (every row read) fails the keyset check', async () => {
    const h = rewired((counted) => ({
      chatrooms: Object.assign(Object.create(counted.chatrooms) as Repositories['chatrooms'], {
        async listPage(appId: string, limit: number, beforeSeq?: number) {
          return (await counted.chatrooms.listPage(appId, 100_000, beforeSeq)).slice(0, limit);
        },
      }),
    }));
    await expect(checkKeysetPaging(h)).rejects.toThrow();
  });

  it('the untouched in-memory repositories pass both checks', async () => {
    const h = rewired(() => ({}));
    await checkDetailsCost(h);
    await checkKeysetPaging(h);
  });
});
