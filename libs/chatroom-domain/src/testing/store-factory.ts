import { afterAll, beforeAll, it } from 'vitest';
import type { IdGenerator } from '../ports/id-generator.js';
import type { UnitOfWork } from '../ports/unit-of-work.js';

/** One connection to a store under test: its unit of work and the id generator beside it. */
export interface StoreHandle {
  readonly uow: UnitOfWork;
  readonly ids: IdGenerator;
  close(): Promise<void>;
}

export interface StoreFactory {
  /** A handle on a fresh, empty, migrated store for this suite (called once per describe block, in beforeAll). */
  open(): Promise<StoreHandle>;
  /** Optional: a second, independent handle (own connections) on the SAME store as the last open(): two "processes". */
  openSecond?(): Promise<StoreHandle>;
}

export interface OpenStore {
  readonly main: StoreHandle;
  /** Present when the factory can open a second handle on the same store. */
  readonly second: StoreHandle | undefined;
}

/** Races get long timeouts: a real database runs hundreds of transactions in them. */
export const RACE_TIMEOUT_MS = 60_000;

/** Opens the store once for the enclosing describe block and closes it afterwards. */
export function useStore(factory: StoreFactory): () => OpenStore {
  let opened: OpenStore | undefined;
  beforeAll(async () => {
    const main = await factory.open();
    const second = factory.openSecond ? await factory.openSecond() : undefined;
    opened = { main, second };
  }, RACE_TIMEOUT_MS);
  afterAll(async () => {
    await opened?.second?.close();
    await opened?.main.close();
  });
  return () => {
    if (!opened) throw new Error('the store is not open (did open() fail?)');
    return opened;
  };
}

/**
 * Registers a race twice: once with every call through one handle, and once with the calls
 * spread over two handles ("two processes"), which runs only when the factory has openSecond.
 * `run` receives the handle for call `i` and the main handle for seeding and checking.
 */
export function itRaces(
  factory: StoreFactory,
  store: () => OpenStore,
  title: string,
  run: (via: (i: number) => StoreHandle, main: StoreHandle) => Promise<void>,
): void {
  it(title, async () => {
    const { main } = store();
    await run(() => main, main);
  }, RACE_TIMEOUT_MS);
  // Skipped, not omitted, so a report shows that the two-process variant did not run.
  it.skipIf(!factory.openSecond)(`${title} (calls split over two handles)`, async () => {
    const { main, second } = store();
    if (!second) throw new Error('openSecond is declared but gave no handle');
    await run((i) => (i % 2 === 0 ? main : second), main);
  }, RACE_TIMEOUT_MS);
}
