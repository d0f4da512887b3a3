import type { EventLog, EventOutbox, RoomEvent, RoomEventOperation, StoredRoomEvent } from '@chatroom/domain';
import { sql, type Kysely, type Selectable } from 'kysely';
import type { Database, RoomEventsTable } from './schema/database.js';

/** Completion time in epoch ms, read when the events are written (just before the commit). */
const NOW_MS = sql<number>`(extract(epoch from clock_timestamp()) * 1000)::bigint`;

/**
 * Buffers the unit's events and writes them, with their deliveries to every matching rule, in
 * ONE statement just before the commit (`flush`), so the outbox adds one round trip per
 * writing unit that has events and none per event. The buffer belongs to one transaction
 * attempt: a unit run again after a conflict gets a fresh outbox.
 */
export class PostgresEventOutbox implements EventOutbox, EventLog {
  private pending: RoomEvent[] = [];

  constructor(private readonly db: Kysely<Database>) {}

  append(...events: RoomEvent[]): void {
    this.pending.push(...events);
  }

  /** True when something was written (the delivery worker may want a nudge after commit). */
  async flush(): Promise<boolean> {
    if (this.pending.length === 0) return false;
    const events = this.pending;
    this.pending = [];
    // VALUES keep their order, so seq follows the order of appending.
    const rows = events.map(
      (e) =>
        sql`(${e.appId}::uuid, ${e.org}, ${e.app}, ${e.roomId}, ${e.operation}, ${e.operator}, ${
          e.payload === undefined ? null : JSON.stringify(e.payload)
        }::jsonb, ${e.memberCount ?? null}::integer)`,
    );
    await sql`
      WITH ev AS (
        INSERT INTO room_events (app_id, org, app, room_id, operation, operator, payload, member_count, created_at)
        SELECT v.app_id, v.org, v.app, v.room_id, v.operation, v.operator, v.payload, v.member_count, ${NOW_MS}
        FROM (VALUES ${sql.join(rows)}) AS v (app_id, org, app, room_id, operation, operator, payload, member_count)
        RETURNING seq, app_id, room_id, operation, created_at
      )
      INSERT INTO event_deliveries (rule_id, event_seq, room_id, next_at)
      SELECT r.id, ev.seq, ev.room_id, ev.created_at
      FROM ev JOIN event_rules r ON r.app_id = ev.app_id AND (r.operations IS NULL OR ev.operation = ANY (r.operations))
    `.execute(this.db);
    return true;
  }

  async roomPage(appId: string, roomId: string, limit: number, beforeSeq?: number): Promise<StoredRoomEvent[]> {
    let query = this.db
      .selectFrom('room_events')
      .selectAll()
      .where('app_id', '=', appId)
      .where('room_id', '=', roomId)
      .orderBy('seq', 'desc')
      .limit(limit);
    if (beforeSeq !== undefined) query = query.where('seq', '<', beforeSeq);
    return (await query.execute()).map(toStoredEvent);
  }
}

export function toStoredEvent(row: Selectable<RoomEventsTable>): StoredRoomEvent {
  return {
    id: row.id,
    seq: row.seq,
    timestamp: row.created_at,
    appId: row.app_id,
    org: row.org,
    app: row.app,
    roomId: row.room_id,
    operation: row.operation as RoomEventOperation,
    operator: row.operator,
    ...(row.payload !== null && { payload: row.payload as Record<string, unknown> }),
    ...(row.member_count !== null && { memberCount: row.member_count }),
  };
}
