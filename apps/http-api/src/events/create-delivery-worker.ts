import { DeliverEvents, type Clock } from '@chatroom/domain';
import type { Logger } from 'pino';
import type { Database } from '../ports/database.js';
import type { EventsConfig } from '../config.js';
import { IDEMPOTENCY_TTL_MS } from '../ports/idempotency.js';
import { DeliveryWorker } from './delivery-worker.js';
import { createPublishers } from './event-sinks.js';
import type { EventSignal } from './event-signal.js';

const DAY_MS = 86_400_000;
const BATCH = 64;
const POLL_MS = 250;
const PRUNE_EVERY_MS = 10 * 60_000;
const PRUNE_BATCH = 1_000;

/** The delivery worker over the store's queue, with a publisher per sink; null when the store has no outbox. */
export function createDeliveryWorker(
  database: Database,
  config: EventsConfig,
  clock: Clock,
  signal: EventSignal,
  logger: Logger,
): { worker: DeliveryWorker; close(): Promise<void> } | null {
  const { deliveries, eventRules, idempotencyKeys } = database;
  if (!deliveries || !eventRules || !config.deliver) return null;
  const publishers = createPublishers({
    timeoutMs: config.publishTimeoutMs,
    allowPrivate: config.allowPrivateDestinations,
  });
  const deliver = new DeliverEvents(
    {
      queue: deliveries,
      publishers,
      clock,
      random01: Math.random,
    },
    // The lease outlives the slowest attempt by far: a delivery is sent twice only when its
    // instance died mid-attempt.
    { batch: BATCH, leaseMs: config.publishTimeoutMs * 2 + 5_000 },
  );
  const prune = async () => {
    const before = clock.now() - config.retentionDays * DAY_MS;
    let total = 0;
    for (let n = -1; n !== 0 && total < PRUNE_BATCH * 100; total += n) n = await eventRules.prune(before, PRUNE_BATCH);
    // Expired Idempotency-Keys go on the same schedule, through their own port.
    const keysBefore = clock.now() - IDEMPOTENCY_TTL_MS;
    if (idempotencyKeys) for (let n = -1; n !== 0; ) n = await idempotencyKeys.prune(keysBefore, PRUNE_BATCH);
    return total;
  };
  const worker = new DeliveryWorker(
    () => deliver.round(),
    prune,
    { pollMs: POLL_MS, pruneEveryMs: PRUNE_EVERY_MS, batch: BATCH, gatherMs: config.gatherMs },
    logger,
  );
  signal.listen(() => worker.nudge());
  return {
    worker,
    async close() {
      await worker.stop();
      await Promise.all(Object.values(publishers).map((publisher) => publisher.close()));
    },
  };
}
