import type pg from 'pg';
import type { ChatClient } from '../cluster/load/chat-client.js';
import type { WebhookReceiver } from './webhook-receiver.js';

export interface EventVerdict {
  readonly rooms: number;
  readonly events: number;
  /** Listed in the audit trail, never delivered. */
  readonly lost: number;
  /** Delivered, not in the audit trail. */
  readonly unknown: number;
  /** Rooms whose events first arrived in another order than the trail lists them. */
  readonly outOfOrderRooms: number;
  readonly examples: string[];
}

/** A room's audit trail through the API (`GET …/chatrooms/{id}/events`), oldest first. */
async function auditTrail(client: ChatClient, roomId: string): Promise<string[]> {
  const newestFirst: string[] = [];
  let cursor: string | undefined;
  do {
    const query = `limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const answer = await client.call('audit', 'GET', `/chatrooms/${encodeURIComponent(roomId)}/events?${query}`);
    if (answer.status !== 200)
      throw new Error(`audit trail of ${roomId}: ${answer.status} ${JSON.stringify(answer.body)}`);
    newestFirst.push(...(answer.body.data as { id: string }[]).map((e) => e.id));
    cursor = answer.body.cursor;
  } while (cursor);
  return newestFirst.reverse();
}

/**
 * Every event of every room the app's events name, as the audit trail lists it, against what
 * the receiver got: each at least once, and per room first arrived in the trail's order.
 */
export async function compareWithAuditTrail(
  client: ChatClient,
  db: pg.Client,
  appId: string,
  receiver: WebhookReceiver,
): Promise<EventVerdict> {
  const { rows } = await db.query<{ room_id: string }>('SELECT DISTINCT room_id FROM room_events WHERE app_id = $1', [
    appId,
  ]);
  const rooms = [...new Set([...rows.map((r) => r.room_id), ...receiver.firstArrivals.keys()])];
  let events = 0;
  let lost = 0;
  let unknown = 0;
  let outOfOrderRooms = 0;
  const examples: string[] = [];
  const queue = [...rooms];
  const worker = async () => {
    for (let roomId = queue.pop(); roomId !== undefined; roomId = queue.pop()) {
      const trail = await auditTrail(client, roomId);
      const delivered = receiver.firstArrivals.get(roomId) ?? [];
      const listed = new Set(trail);
      const got = new Set(delivered);
      events += trail.length;
      const missing = trail.filter((id) => !got.has(id));
      const extra = delivered.filter((id) => !listed.has(id));
      lost += missing.length;
      unknown += extra.length;
      const inOrder = delivered.filter((id) => listed.has(id)).join() === trail.filter((id) => got.has(id)).join();
      if (!inOrder) outOfOrderRooms++;
      if ((missing.length > 0 || extra.length > 0 || !inOrder) && examples.length < 5) {
        examples.push(
          `room ${roomId}: ${trail.length} in the trail, ${missing.length} never delivered, ${extra.length} not in the trail, ${inOrder ? 'in order' : 'OUT OF ORDER'}`,
        );
      }
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  return { rooms: rooms.length, events, lost, unknown, outOfOrderRooms, examples };
}
