import type { Clock } from '../../ports/clock.js';
import type { Delivery, DeliveryQueue, EventPublisher, FailedDelivery } from '../../ports/event-delivery.js';
import type { EventRuleKind } from '../../ports/event-delivery.js';
import { nextAttempt } from './delivery-policy.js';

export interface DeliverEventsOptions {
  /** Deliveries claimed per round. */
  readonly batch: number;
  /** How long a claim hides a delivery from other instances; longer than any publish may take. */
  readonly leaseMs: number;
}

/**
 * One round of delivery: claims due deliveries, publishes them concurrently (they are heads
 * of distinct rooms, so order within a room holds), and records each outcome. Returns how many
 * were claimed, so a loop can run again at once while there is work.
 */
export class DeliverEvents {
  constructor(
    private readonly deps: {
      readonly queue: DeliveryQueue;
      readonly publishers: Readonly<Record<EventRuleKind, EventPublisher>>;
      readonly clock: Clock;
      readonly random01: () => number;
    },
    private readonly options: DeliverEventsOptions,
  ) {}

  async round(): Promise<number> {
    const claimed = await this.deps.queue.claim(this.options.batch, this.options.leaseMs);
    if (claimed.length === 0) return 0;
    const delivered: Delivery[] = [];
    const failed: FailedDelivery[] = [];
    await Promise.all(
      claimed.map(async (delivery) => {
        const outcome = await this.deps.publishers[delivery.rule.kind].publish(delivery);
        if (outcome.ok) delivered.push(delivery);
        else failed.push({ delivery, error: outcome.error, retryAt: this.retryAt(delivery) });
      }),
    );
    // One write for the whole round: the queue's cost per event stays small under load.
    await this.deps.queue.settle(delivered, failed);
    return claimed.length;
  }

  private retryAt(delivery: Delivery): number | null {
    return nextAttempt(this.deps.clock.now(), delivery.event.timestamp, delivery.attempts + 1, this.deps.random01());
  }
}
