import type { Delivery, EventPublisher, PublishOutcome } from '@chatroom/domain';
import { easemobCallbackBody } from './easemob-callback-body.js';
import { chatroomSignature } from './webhook-signature.js';

export interface WebhookPublisherOptions {
  /** A 2xx must arrive within this long, body included; otherwise the attempt failed. */
  readonly timeoutMs: number;
}

/** HTTP POST of the Easemob callback body, signed twice (`security` and X-Chatroom-Signature). */
export class WebhookPublisher implements EventPublisher {
  constructor(private readonly options: WebhookPublisherOptions) {}

  async publish({ rule, event }: Delivery): Promise<PublishOutcome> {
    const body = JSON.stringify(easemobCallbackBody(event, rule.secret));
    try {
      const response = await fetch(rule.target, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'chatroom-service-webhook/1',
          'x-chatroom-event-id': event.id,
          'x-chatroom-signature': chatroomSignature(rule.secret, body, Math.floor(Date.now() / 1000)),
        },
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
      // Read (and bound) the answer so the connection can be reused; its content is not used.
      await response.arrayBuffer().catch(() => undefined);
      // Easemob counts only 200; we take any 2xx, as the issue asks (a 204 is a common "ok").
      if (response.status >= 200 && response.status < 300) return { ok: true };
      return { ok: false, error: `HTTP ${response.status}` };
    } catch (error) {
      return { ok: false, error: describe(error) };
    }
  }
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as { cause?: unknown }).cause;
    const detail = cause instanceof Error ? `: ${cause.message}` : '';
    return `${error.name}: ${error.message}${detail}`;
  }
  return String(error);
}
