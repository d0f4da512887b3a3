import type { Delivery, EventPublisher, PublishOutcome, StoredRoomEvent } from '@chatroom/domain';
import { connect, type JetStreamClient, type NatsConnection } from 'nats';
import { easemobCallbackBody } from './easemob-callback-body.js';

/** The stream every instance publishes into; created on first use when missing. */
export const NATS_STREAM = 'CHATROOM_EVENTS';
const STREAM_SUBJECTS = ['chatroom.>'];
/** JetStream drops a second message with the same Nats-Msg-Id within this window (ns). */
const DUPLICATE_WINDOW_NS = 2 * 60 * 60 * 1_000_000_000;

/**
 * `chatroom.<org>.<app>.<operation>`; characters a subject token cannot hold (`.`, `*`, `>`,
 * white space) become `_`.
 */
export function natsSubject(event: Pick<StoredRoomEvent, 'org' | 'app' | 'operation'>): string {
  const token = (s: string) => s.replace(/[.*>\s]/g, '_') || '_';
  return `chatroom.${token(event.org)}.${token(event.app)}.${token(event.operation)}`;
}

/**
 * Publishes the same Easemob callback body to NATS JetStream. Success = the stream's ack
 * (the message is stored); a timeout or error is a failed attempt, retried like a webhook.
 * The event id is the `Nats-Msg-Id`, so a retry after a lost ack is dropped by the stream.
 * One connection per server URL, opened on first use and kept.
 */
export class NatsJetStreamPublisher implements EventPublisher {
  private readonly clients = new Map<string, Promise<{ nc: NatsConnection; js: JetStreamClient }>>();

  constructor(private readonly options: { readonly timeoutMs: number }) {}

  async publish({ rule, event }: Delivery): Promise<PublishOutcome> {
    try {
      const { js } = await this.client(rule.target);
      const body = JSON.stringify(easemobCallbackBody(event, rule.secret));
      await js.publish(natsSubject(event), new TextEncoder().encode(body), {
        msgID: event.id,
        timeout: this.options.timeoutMs,
      });
      return { ok: true };
    } catch (error) {
      this.clients.delete(rule.target); // reconnect next time
      return { ok: false, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
    }
  }

  async close(): Promise<void> {
    const all = [...this.clients.values()];
    this.clients.clear();
    await Promise.all(all.map(async (c) => (await c.catch(() => null))?.nc.close()));
  }

  private client(url: string): Promise<{ nc: NatsConnection; js: JetStreamClient }> {
    let client = this.clients.get(url);
    if (!client) {
      client = open(url, this.options.timeoutMs);
      this.clients.set(url, client);
      client.catch(() => this.clients.delete(url));
    }
    return client;
  }
}

async function open(url: string, timeoutMs: number): Promise<{ nc: NatsConnection; js: JetStreamClient }> {
  const nc = await connect({ servers: url.replace(/^nats:\/\//, ''), timeout: timeoutMs, maxReconnectAttempts: -1 });
  try {
    const jsm = await nc.jetstreamManager({ timeout: timeoutMs });
    await jsm.streams.info(NATS_STREAM).catch(async () => {
      await jsm.streams.add({ name: NATS_STREAM, subjects: STREAM_SUBJECTS, duplicate_window: DUPLICATE_WINDOW_NS });
    });
    return { nc, js: nc.jetstream({ timeout: timeoutMs }) };
  } catch (error) {
    await nc.close();
    throw error;
  }
}
