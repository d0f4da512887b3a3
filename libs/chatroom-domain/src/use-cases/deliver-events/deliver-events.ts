import type { Clock } from '../../ports/clock.js';
import type { Delivery, DeliveryQueue, EventPublisher } from '../../ports/event-delivery.js';
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
    await Promise.all(claimed.map((d) => this.deliver(d)));
    return claimed.length;
  }

  private async deliver(delivery: Delivery): Promise<void> {
    const outcome = await this.deps.publishers[delivery.rule.kind].publish(delivery);
    if (outcome.ok) return this.deps.queue.succeeded(delivery);
    const retryAt = nextAttempt(this.deps.clock.now(), delivery.event.timestamp, delivery.attempts + 1, this.deps.random01());
    return this.deps.queue.failed(delivery, outcome.error, retryAt);
  }
}
