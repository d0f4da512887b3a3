import type { EventPublisher, EventRuleKind } from '@chatroom/domain';
import { NatsJetStreamPublisher, WebhookPublisher } from '@chatroom/event-publisher-adapter';

/** How the publishers of every sink are made. */
export interface PublisherOptions {
  readonly timeoutMs: number;
  /** Webhooks may call private addresses (development). */
  readonly allowPrivate: boolean;
}

export interface EventSink {
  /** The URL schemes of a rule's target, without the colon. */
  readonly schemes: readonly string[];
  publisher(options: PublisherOptions): EventPublisher & { close(): Promise<void> };
}

/**
 * Every place events can go, declared once: keyed by the domain's rule kind, so a new kind does not
 * compile until it is here. The delivery worker, the console's test send and the admin CLI read it;
 * the stores' CHECK constraints on the rule kind are in their migrations.
 */
export const EVENT_SINKS: { readonly [K in EventRuleKind]: EventSink } = {
  webhook: {
    schemes: ['http', 'https'],
    publisher: ({ timeoutMs, allowPrivate }) => new WebhookPublisher({ timeoutMs, allowPrivate }),
  },
  nats: {
    schemes: ['nats'],
    publisher: ({ timeoutMs }) => new NatsJetStreamPublisher({ timeoutMs }),
  },
};

export const EVENT_SINK_KINDS = Object.keys(EVENT_SINKS) as EventRuleKind[];

/** The sink whose scheme `url` has, if any. */
export function sinkOfUrl(url: string): EventRuleKind | undefined {
  const scheme = url.slice(0, Math.max(0, url.indexOf(':')));
  return EVENT_SINK_KINDS.find((kind) => EVENT_SINKS[kind].schemes.includes(scheme));
}

/** One publisher per sink. */
export function createPublishers(options: PublisherOptions): {
  readonly [K in EventRuleKind]: EventPublisher & { close(): Promise<void> };
} {
  const entries = EVENT_SINK_KINDS.map((kind) => [kind, EVENT_SINKS[kind].publisher(options)] as const);
  return Object.fromEntries(entries) as { [K in EventRuleKind]: EventPublisher & { close(): Promise<void> } };
}
