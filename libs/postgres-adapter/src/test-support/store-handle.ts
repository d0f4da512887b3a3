import { QueryCounter, type StoreHandle } from '@chatroom/domain/testing';
import pg from 'pg';
import { openPostgresAdapter, type PostgresAdapterOptions } from '../open-postgres-adapter.js';

/** Backends of this database waiting for a lock another transaction holds. */
const LOCK_WAITERS = `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`;

/**
 * Opens the adapter as a contract-suite store handle, with its probes: statements counted by
 * the adapter's onQuery hook; blocked units seen in pg_stat_activity on PostgreSQL (through a
 * connection of the probe's own) and, on PGlite, as units queued for its one connection.
 */
export async function openStoreHandle(options: PostgresAdapterOptions): Promise<StoreHandle> {
  const counter = new QueryCounter();
  let deadlocks = 0;
  const adapter = await openPostgresAdapter({
    ...options,
    onQuery: (rows) => counter.record(rows),
    onRetry: (_attempt, sqlState) => {
      if (sqlState === '40P01') deadlocks += 1;
    },
  });
  let monitor: Promise<pg.Client> | undefined;
  const lockWaiters = async () => {
    monitor ??= (async () => {
      const client = new pg.Client({ connectionString: options.databaseUrl });
      await client.connect();
      return client;
    })();
    return (await (await monitor).query<{ n: number }>(LOCK_WAITERS)).rows[0]!.n;
  };
  return {
    uow: adapter.uow,
    ids: adapter.ids,
    delivery: { queue: adapter.deliveries, rules: adapter.eventRules },
    probes: {
      blockedUnits: options.databaseUrl ? lockWaiters : async () => adapter.uow.unitsWaitingToBegin,
      queryCount: () => counter.snapshot(),
      counterMismatches: () => adapter.counterMismatches(),
      deadlocks: () => deadlocks,
    },
    async close() {
      await (await monitor)?.end();
      await adapter.close();
    },
  };
}
