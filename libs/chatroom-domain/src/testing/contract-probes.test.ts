// The contract suite's concurrency checks must be able to fail. Run against stores that break
// what the checks guard, they must reject: an interleaving that is not forced (nothing blocks),
// and a store that serialises every unit while claiming concurrency.
import { describe, expect, it } from 'vitest';
import { InMemoryIdGenerator } from '../in-memory/in-memory-id-generator.js';
import { InMemoryState } from '../in-memory/in-memory-state.js';
import { inMemoryRepositories, InMemoryUnitOfWork } from '../in-memory/in-memory-unit-of-work.js';
import type { UnitOfWork } from '../ports/unit-of-work.js';
import { meet } from './concurrency-contract.js';
import { forceAddWhileDissolving, forceDeleteWhileTransferring } from './interleavings-contract.js';
import type { StoreHandle } from './store-factory.js';
import { seedApp } from './store-fixtures.js';

function handle(uow: UnitOfWork, blockedUnits: () => number): StoreHandle {
  return {
    uow,
    ids: new InMemoryIdGenerator(),
    probes: { blockedUnits: async () => blockedUnits(), queryCount: () => ({ queries: 0, rows: 0 }), counterMismatches: async () => [] },
    close: async () => {},
  };
}

/** A unit of work with no isolation at all: every unit runs at once, nothing ever waits. */
function unguarded(): StoreHandle {
  const repos = inMemoryRepositories(new InMemoryState());
  return handle({ write: (work) => work(repos), read: (work) => work(repos) }, () => 0);
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
});
