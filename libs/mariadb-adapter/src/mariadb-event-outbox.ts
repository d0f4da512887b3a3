import { randomUUID } from 'node:crypto';
import type { EventLog, EventOutbox, RoomEvent, RoomEventOperation, StoredRoomEvent } from '@chatroom/domain';
import { sql, type Kysely, type RawBuilder, type Selectable } from 'kysely';
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
    await sql`BEGIN NOT ATOMIC ${eventStatements(events.map((event) => ({ event })))} END`.execute(this.db);
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

/** One event to store, with the parts only a command's statement knows as SQL expressions. */
export interface OutboxRow {
  readonly event: RoomEvent;
  /** The event's id, when the statement draws it (a row stored in a loop); otherwise one drawn here. */
  readonly id?: RawBuilder<unknown>;
  /** The room's id, when the statement draws it. */
  readonly roomId?: RawBuilder<unknown>;
  /** The payload's JSON, when the statement fills parts of it in. */
  readonly payload?: RawBuilder<unknown>;
  readonly memberCount?: RawBuilder<unknown>;
}

/**
 * The two INSERTs that store `rows` (in order) and their deliveries to every matching rule, each
 * ended by `;`, for a compound statement (the outbox's, or a command's): the deliveries find
 * the rows just inserted by LAST_INSERT_ID() and the uuids generated here.
 */
export function eventStatements(rows: readonly OutboxRow[]): RawBuilder<unknown> {
  const ids = rows.map((row) => row.id ?? randomUUID());
  const values = rows.map(
    ({ event: e, roomId, payload, memberCount }, i) =>
      sql`(${ids[i]}, ${e.appId}, ${e.org}, ${e.app}, ${roomId ?? e.roomId}, ${e.operation}, ${e.operator}, ${
        payload ?? (e.payload === undefined ? null : JSON.stringify(e.payload))
      }, ${memberCount ?? e.memberCount ?? null}, ${NOW_MS})`,
  );
  return sql`
    INSERT INTO room_events (id, app_id, org, app, room_id, operation, operator, payload, member_count, created_at)
    VALUES ${sql.join(values)};
    INSERT INTO event_deliveries (rule_id, event_seq, room_id, next_at)
    SELECT r.id, e.seq, e.room_id, e.created_at
    FROM room_events e JOIN event_rules r ON ${ruleMatches(sql.ref('r'), sql.ref('e'))}
    WHERE e.seq >= LAST_INSERT_ID() AND e.id IN (${sql.join(ids)});`;
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
