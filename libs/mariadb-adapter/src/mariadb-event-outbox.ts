import { randomUUID } from 'node:crypto';
import type { EventLog, EventOutbox, RoomEvent, RoomEventOperation, StoredRoomEvent } from '@chatroom/domain';
import { sql, type Kysely, type Selectable } from 'kysely';
import type { Database, RoomEventsTable } from './schema/database.js';

/** Completion time in epoch ms, read when the events are written (just before the commit). */
const NOW_MS = sql<number>`CAST(UNIX_TIMESTAMP(NOW(3)) * 1000 AS SIGNED)`;

/**
 * Buffers the unit's events and writes them in ONE INSERT just before the commit (`flush`), in
 * the unit's transaction: one round trip per writing unit that has events, none per event. The
 * buffer belongs to one transaction attempt: a unit run again after a deadlock gets a fresh
 * outbox. Multi-row VALUES take consecutive AUTO_INCREMENT values in order, so seq follows the
 * order of appending.
 */
export class MariadbEventOutbox implements EventOutbox, EventLog {
  private pending: RoomEvent[] = [];

  constructor(private readonly db: Kysely<Database>) {}

  append(...events: RoomEvent[]): void {
    this.pending.push(...events);
  }

  /** True when something was written. */
  async flush(): Promise<boolean> {
    if (this.pending.length === 0) return false;
    const events = this.pending;
    this.pending = [];
    const rows = events.map(
      (e) =>
        sql`(${randomUUID()}, ${e.appId}, ${e.org}, ${e.app}, ${e.roomId}, ${e.operation}, ${e.operator}, ${
          e.payload === undefined ? null : JSON.stringify(e.payload)
        }, ${e.memberCount ?? null}, ${NOW_MS})`,
    );
    await sql`
      INSERT INTO room_events (id, app_id, org, app, room_id, operation, operator, payload, member_count, created_at)
      VALUES ${sql.join(rows)}
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

function toStoredEvent(row: Selectable<RoomEventsTable>): StoredRoomEvent {
  return {
    id: row.id,
    seq: Number(row.seq),
    timestamp: Number(row.created_at),
    appId: row.app_id,
    org: row.org,
    app: row.app,
    roomId: row.room_id,
    operation: row.operation as RoomEventOperation,
    operator: row.operator,
    ...(row.payload !== null && { payload: JSON.parse(row.payload) as Record<string, unknown> }),
    ...(row.member_count !== null && { memberCount: Number(row.member_count) }),
  };
}
