import type { WriteRoundTrips } from './write-round-trips-contract.js';
import { afterAll, beforeAll, it } from 'vitest';
import type { DeliveryQueue, EventRuleStore } from '../ports/event-delivery.js';
import type { IdGenerator } from '../ports/id-generator.js';
import type { UnitOfWork } from '../ports/unit-of-work.js';

/** Statements a handle has sent to its store, and rows it got back, since it was opened. */
export interface QueryCount {
  readonly queries: number;
  readonly rows: number;
}

/**
 * What the suite observes in a store besides its ports: test hooks only, never used by the app.
 */
export interface StoreProbes {
  /**
   * How many units of work of this store (any handle) are waiting right now for a lock, or
   * for the connection, that another unit holds. The forced interleavings poll it to prove
   * that their second unit really was blocked. PostgreSQL: backends of the database with
   * `pg_stat_activity.wait_event_type = 'Lock'`; in memory: units queued behind the running one.
   */
  blockedUnits(): Promise<number>;
  /**
   * Statements this handle has run on its store so far (transaction control may be left out)
   * and the rows they returned. kysely: a plugin's `transformResult`; in memory: repository
   * calls and the entities they returned.
   */
  queryCount(): QueryCount;
  /**
   * Stored counters (member counts, joined-room counts, room quotas…) that differ from a recount
   * of the rows they count, one line each; empty when every counter is right. A store that
   * derives its counts instead of storing them returns [] (and says so in a comment).
   */
  counterMismatches(): Promise<string[]>;
  /**
   * Units of work and commands of this handle that the store aborted as a deadlock victim and
   * that were run again. Writes that all lock a room before its memberships and those before the
   * users' counters cannot deadlock on one room; the races assert that none did. A store without
   * deadlocks (one unit at a time) leaves it out.
   */
  deadlocks?(): number;
}

/** The events outbox's queue and rules of a store, on the handle's own connections. */
export interface DeliveryPorts {
  readonly queue: DeliveryQueue;
  readonly rules: EventRuleStore & {
    /** Deletes up to `batch` of the oldest events stored before `before`, their deliveries with them. */
    prune(before: number, batch: number): Promise<number>;
  };
}

/** One connection to a store under test: its unit of work, the id generator beside it, its probes. */
export interface StoreHandle {
  readonly uow: UnitOfWork;
  readonly ids: IdGenerator;
  readonly probes: StoreProbes;
  /** Its delivery queue; absent only when the factory declares `noDeliveryQueue`. */
  readonly delivery?: DeliveryPorts;
  close(): Promise<void>;
}

/** A second, independent handle (own connections) on the SAME store as the last open(): two "processes". */
export type SecondHandle =
  | { openSecond(): Promise<StoreHandle>; readonly noSecondHandle?: never }
  /** Why this store cannot have a second handle; printed in the title of every variant that does not run. */
  | { readonly openSecond?: never; readonly noSecondHandle: string };

/**
 * Whether units of work run at the same time. A store that claims it is held to it by a
 * probe (two units each waiting for the other to have started); one that serialises every
 * unit must say why, and the probe then checks that it does.
 */
export type UnitConcurrency =
  | { readonly concurrentUnits: true; readonly serialisedBecause?: never }
  | { readonly concurrentUnits: false; readonly serialisedBecause: string };

export type StoreFactory = {
  /** A handle on a fresh, empty, migrated store for this suite (called once per describe block, in beforeAll). */
  open(): Promise<StoreHandle>;
  /**
   * Why this store delivers no events (it has no DeliveryQueue): printed in the title of every
   * delivery-queue case that does not run. Absent → the handles must have `delivery`.
   */
  readonly noDeliveryQueue?: string;
  /** The statements each write use case sends (describeWriteRoundTripsContract). */
  readonly writeRoundTrips?: WriteRoundTrips;
} & SecondHandle &
  UnitConcurrency;

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
 * Registers a test that needs two handles: it runs when the factory has openSecond, and is
 * otherwise registered as skipped with the factory's reason in its title, so that every report
 * says which two-process cases did not run and why.
 */
export function itWithSecondHandle(
  factory: StoreFactory,
  title: string,
  run: () => Promise<void>,
  timeout = RACE_TIMEOUT_MS,
): void {
  if (factory.openSecond) it(title, run, timeout);
  else it.skip(`${title} — not run: ${factory.noSecondHandle}`, run);
}

/**
 * Registers a race twice: once with every call through one handle, and once with the calls
 * spread over two handles ("two processes"; see itWithSecondHandle).
 * `run` receives the handle for call `i` and the main handle for seeding and checking.
 */
export function itRaces(
  factory: StoreFactory,
  store: () => OpenStore,
  title: string,
  run: (via: (i: number) => StoreHandle, main: StoreHandle) => Promise<void>,
): void {
  it(
    title,
    async () => {
      const { main } = store();
      await run(() => main, main);
    },
    RACE_TIMEOUT_MS,
  );
  itWithSecondHandle(factory, `${title} (calls split over two handles)`, async () => {
    const { main, second } = store();
    if (!second) throw new Error('openSecond is declared but gave no handle');
    await run((i) => (i % 2 === 0 ? main : second), main);
  });
}
