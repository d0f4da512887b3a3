import type { RoomEvent } from '@chatroom/domain';
import { sql, type RawBuilder } from 'kysely';

/** Completion time in epoch ms, read when the events are written. */
export const NOW_MS = sql<number>`(extract(epoch from clock_timestamp()) * 1000)::bigint`;

/** One event of a command, with the parts only its statement knows as SQL expressions. */
export interface CommandEvent {
  readonly event: RoomEvent;
  /** Whether it is stored: the command changed something. */
  readonly when: RawBuilder<boolean>;
  /** jsonb merged over the event's payload (`payload || patch`). */
  readonly patch?: RawBuilder<unknown>;
  readonly memberCount?: RawBuilder<number | null>;
  /** The room's id, when the statement draws it. */
  readonly roomId?: RawBuilder<string>;
}

/**
 * The CTEs `ev` (the events, stored in the order given) and `ev_sent` (their deliveries to every
 * matching rule), for a command's statement: `WITH …, ${commandEvents(…)} SELECT …`. The same rows
 * as the unit of work's outbox writes, in the command's own statement.
 */
export function commandEvents(events: readonly CommandEvent[]): RawBuilder<unknown> {
  const rows = events.map(({ event: e, when, patch, memberCount, roomId }, ord) => {
    const payload = e.payload === undefined ? sql`NULL::jsonb` : sql`${JSON.stringify(e.payload)}::jsonb`;
    return sql`(${ord}::int, ${when}, ${e.appId}::uuid, ${e.org}::text, ${e.app}::text, ${roomId ?? sql`${e.roomId}::text`}, ${e.operation}::text,
      ${e.operator}::text, ${patch === undefined ? payload : sql`${payload} || ${patch}`}, ${memberCount ?? sql`${e.memberCount ?? null}::integer`})`;
  });
  return sql`
    ev AS (
      INSERT INTO room_events (app_id, org, app, room_id, operation, operator, payload, member_count, created_at)
      SELECT v.app_id, v.org, v.app, v.room_id, v.operation, v.operator, v.payload, v.member_count, ${NOW_MS}
      FROM (VALUES ${sql.join(rows)}) AS v (ord, keep, app_id, org, app, room_id, operation, operator, payload, member_count)
      WHERE v.keep
      ORDER BY v.ord
      RETURNING seq, app_id, room_id, operation, created_at
    ), ${eventDeliveries()}`;
}

/** `ev_sent`: the deliveries of the events `ev` stored (RETURNING seq, app_id, room_id, operation, created_at) to every matching rule. */
export function eventDeliveries(): RawBuilder<unknown> {
  return sql`ev_sent AS (
      INSERT INTO event_deliveries (rule_id, event_seq, room_id, next_at)
      SELECT r.id, ev.seq, ev.room_id, ev.created_at
      FROM ev JOIN event_rules r ON r.app_id = ev.app_id AND (r.operations IS NULL OR ev.operation = ANY (r.operations))
    )`;
}
