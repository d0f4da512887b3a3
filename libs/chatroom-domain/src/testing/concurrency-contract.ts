import { describe, expect, it } from 'vitest';
import type { App } from '../model/app.js';
import { TimedOut, withTimeout } from './outcomes.js';
import { itWithSecondHandle, useStore, type StoreFactory, type StoreHandle } from './store-factory.js';
import { deferred, makeUser, seedApp } from './store-fixtures.js';

/** How long a unit of a store claiming concurrency waits for the other to start: a deadlock otherwise. */
const MEET_WITHIN_MS = 5_000;
/** Enough to see that a serialising store does not start the second unit while the first runs. */
const SERIALISED_WITHIN_MS = 300;

/**
 * Two units, each writing and then waiting (inside its transaction) for the other to have
 * started. On a store that runs units at the same time both commit; on one that runs them one
 * at a time the first waits in vain (a timeout), then the second runs alone.
 */
export async function meet(a: StoreHandle, b: StoreHandle, app: App, withinMs: number): Promise<string[]> {
  const started = [deferred(), deferred()] as const;
  const unit = (h: StoreHandle, me: 0 | 1) =>
    h.uow
      .write(async (r) => {
        await r.users.insertMany([makeUser(app, `meet${me}`)]);
        started[me].resolve();
        await withTimeout(started[1 - me]!.promise, withinMs, 'the other unit did not start while this one ran');
      })
      .then(
        () => 'committed',
        (error: unknown) => {
          if (error instanceof TimedOut) return 'timed out';
          throw error;
        },
      );
  const first = unit(a, 0);
  await started[0].promise; // the second starts while the first runs
  return Promise.all([first, unit(b, 1)]);
}

/** `UnitOfWork` concurrency as the store declares it: a store that serialises every unit cannot pass for concurrent. */
export function describeConcurrencyContract(name: string, factory: StoreFactory): void {
  describe(`${name}: unit-of-work concurrency`, () => {
    const store = useStore(factory);

    if (factory.concurrentUnits) {
      it('two units run at the same time: each sees the other start before it commits', async () => {
        const h = store().main;
        const app = await seedApp(h);
        expect(await meet(h, h, app, MEET_WITHIN_MS)).toEqual(['committed', 'committed']);
      });

      itWithSecondHandle(factory, 'two units on two handles run at the same time', async () => {
        const { main, second } = store();
        const app = await seedApp(main);
        expect(await meet(main, second!, app, MEET_WITHIN_MS)).toEqual(['committed', 'committed']);
      });
    } else {
      it(`units run one at a time, as declared: ${factory.serialisedBecause}`, async () => {
        const h = store().main;
        const app = await seedApp(h);
        expect(await meet(h, h, app, SERIALISED_WITHIN_MS)).toEqual(['timed out', 'committed']);
      });
    }
  });
}
