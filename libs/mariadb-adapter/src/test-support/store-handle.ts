import { QueryCounter, type StoreHandle } from '@chatroom/domain/testing';
import { createConnection, type Connection } from 'mysql2/promise';
import { mysqlUrl } from '../mariadb-dialect.js';
import { openMariadbAdapter, type MariadbAdapterOptions } from '../open-mariadb-adapter.js';

/**
 * Transactions of this database waiting for a row lock another transaction holds, from InnoDB's
 * own status report: information_schema.INNODB_TRX was seen to leave out a transaction waiting
 * in the optimizer's primary-key read (state "Statistics"), which SHOW ENGINE INNODB STATUS lists
 * as LOCK WAIT with its thread id.
 */
async function lockWaiters(monitor: Connection): Promise<number> {
  const [status] = (await monitor.query('SHOW ENGINE INNODB STATUS')) as unknown as [{ Status: string }[]];
  const waiting = new Set<number>();
  for (const block of status[0]!.Status.split('\n---TRANSACTION ')) {
    const thread = /\bthread id (\d+)/.exec(block);
    if (thread && /\nLOCK WAIT /.test(block)) waiting.add(Number(thread[1]));
  }
  if (waiting.size === 0) return 0;
  const [ours] = await monitor.query('SELECT ID AS id FROM information_schema.PROCESSLIST WHERE DB = database()');
  return (ours as { id: number }[]).filter((p) => waiting.has(Number(p.id))).length;
}

/**
 * Opens the adapter as a contract-suite store handle, with its probes: statements counted by
 * the adapter's onQuery hook; blocked units seen in InnoDB's status report (through a
 * connection of the probe's own); counters recounted by the adapter.
 */
export async function openStoreHandle(options: MariadbAdapterOptions): Promise<StoreHandle> {
  const counter = new QueryCounter();
  let deadlocks = 0;
  const adapter = await openMariadbAdapter({
    ...options,
    onQuery: (rows) => counter.record(rows),
    onRetry: (_attempt, code) => {
      if (code === 'ER_LOCK_DEADLOCK') deadlocks += 1;
    },
  });
  let monitor: Promise<Connection> | undefined;
  return {
    uow: adapter.uow,
    ids: adapter.ids,
    delivery: { queue: adapter.deliveries, rules: adapter.eventRules },
    probes: {
      async blockedUnits() {
        monitor ??= createConnection({ uri: mysqlUrl(options.databaseUrl) });
        return lockWaiters(await monitor);
      },
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
