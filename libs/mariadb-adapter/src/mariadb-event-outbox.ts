import { randomUUID } from 'node:crypto';
import type { EventLog, EventOutbox, RoomEvent, RoomEventOperation, StoredRoomEvent } from '@chatroom/domain';
import { sql, type Kysely, type Selectable } from 'kysely';
import { ruleMatches } from './mariadb-event-rule-store.js';
import type { Database, RoomEventsTable } from './schema/database.js';

/** Completion time in epoch ms, read when the events are written (just before the commit). */
export const NOW_MS = sql<number>`CAST(UNIX_TIMESTAMP(NOW(3)) * 1000 AS SIGNED)`;

/**
 * Buffers the unit's events and writes them, with their deliveries to every matching rule, in
 * ONE round trip just before the commit (`flush`), in the unit's transaction: one round trip per
 * writing unit that has events, none per event. MariaDB has no INSERT … RETURNING into a CTE, so
 * the two INSERTs go as one anonymous compound statement (BEGIN NOT ATOMIC … END, MariaDB
 * 10.1+), and the second finds the rows the first inserted exactly: their seq is at least
 * LAST_INSERT_ID() (the first AUTO_INCREMENT value of this session's last INSERT; later rows of
 * one statement get higher ones) and their uuid is one we generated here. Under READ COMMITTED
 * the INSERT … SELECT reads room_events and event_rules without locking them.
 * The buffer belongs to one transaction attempt: a unit run again after a deadlock gets a fresh
 * outbox. Multi-row VALUES take increasing AUTO_INCREMENT values in order, so seq follows the
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
    const ids = events.map(() => randomUUID());
    const rows = events.map(
      (e, i) =>
        sql`(${ids[i]}, ${e.appId}, ${e.org}, ${e.app}, ${e.roomId}, ${e.operation}, ${e.operator}, ${
          e.payload === undefined ? null : JSON.stringify(e.payload)
        }, ${e.memberCount ?? null}, ${NOW_MS})`,
    );
    await sql`
      BEGIN NOT ATOMIC
        INSERT INTO room_events (id, app_id, org, app, room_id, operation, operator, payload, member_count, created_at)
        VALUES ${sql.join(rows)};
        INSERT INTO event_deliveries (rule_id, event_seq, room_id, next_at)
        SELECT r.id, e.seq, e.room_id, e.created_at
        FROM room_events e JOIN event_rules r ON ${ruleMatches(sql.ref('r'), sql.ref('e'))}
        WHERE e.seq >= LAST_INSERT_ID() AND e.id IN (${sql.join(ids)});
      END
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
