import type { RoomEventOperation, StoredRoomEvent } from '../model/room-event.js';

/** How an app's events leave the service: an HTTP callback or a NATS JetStream subject. */
export type EventRuleKind = 'webhook' | 'nats';

/** Where one app's events go (the Easemob console's "rule"); managed by the admin CLI. */
export interface EventRule {
  readonly id: string;
  readonly appId: string;
  readonly kind: EventRuleKind;
  /** The callback URL, or the NATS server URL (`nats://127.0.0.1:4222`). */
  readonly target: string;
  /** Signs webhook bodies (`security`, `X-Chatroom-Signature`). */
  readonly secret: string;
  /** Operations sent; null = all. */
  readonly operations: readonly RoomEventOperation[] | null;
  readonly created: number;
}

export interface EventRuleStore {
  add(rule: EventRule): Promise<void>;
  list(appId?: string): Promise<EventRule[]>;
  remove(id: string): Promise<boolean>;
  /**
   * Replaces a rule's stored secret with `to` only while it is still `from` (one guarded write:
   * two instances sealing the same clear secret at start-up cannot overwrite each other's seal).
   * Whether it was replaced.
   */
  replaceSecret(id: string, from: string, to: string): Promise<boolean>;
  /**
   * Queues again, for the rule (or every rule of the app), the app's events stored at or after
   * `since`, and revives dead deliveries of them. Returns how many deliveries were queued.
   */
  replay(appId: string, since: number, ruleId?: string): Promise<number>;
}

/** One event on its way to one rule's endpoint. */
export interface Delivery {
  readonly rule: EventRule;
  readonly event: StoredRoomEvent;
  /** Attempts made before this one. */
  readonly attempts: number;
}

/**
 * The deliveries still to make, shared by every instance. `claim` hands out due deliveries
 * that are each the oldest undelivered event of their room for their rule (so a room's events
 * reach an endpoint in commit order, and a failing one holds back only its own room), each to
 * one claimant at a time: claimed deliveries are invisible to other claimants for `leaseMs`.
 */
export interface DeliveryQueue {
  claim(limit: number, leaseMs: number): Promise<Delivery[]>;
  /**
   * Records a round's outcomes at once (one commit, however many): the delivered leave the
   * queue; the failed are tried again at `retryAt` (epoch ms), or kept as dead when it is null.
   */
  settle(delivered: readonly Delivery[], failed: readonly FailedDelivery[]): Promise<void>;
}

export interface FailedDelivery {
  readonly delivery: Delivery;
  readonly error: string;
  readonly retryAt: number | null;
}

export type PublishOutcome = { readonly ok: true } | { readonly ok: false; readonly error: string };

/** Sends one event to one rule's endpoint; resolves (never rejects) with what happened. */
export interface EventPublisher {
  publish(delivery: Delivery): Promise<PublishOutcome>;
}
