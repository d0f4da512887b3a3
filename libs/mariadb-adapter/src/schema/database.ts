import type { SharedDatabase } from '@chatroom/sql-store-kit';
import type { Generated } from 'kysely';

/**
 * The tables as kysely sees them: those both stores share (from the kit) and those this dialect
 * types differently. BIGINT columns arrive as JS numbers (mysql2's default without
 * supportBigNumbers; every value we store is below 2^53) and BOOLEAN (TINYINT(1)) columns as
 * booleans (the dialect's typeCast, see mariadb-dialect.ts).
 */
export interface Database extends SharedDatabase {
  room_events: RoomEventsTable;
  event_rules: EventRulesTable;
  event_deliveries: EventDeliveriesTable;
}

export interface RoomEventsTable {
  /** AUTO_INCREMENT: the order the events were stored. */
  seq: Generated<number>;
  id: string;
  app_id: string;
  org: string;
  app: string;
  room_id: string;
  operation: string;
  operator: string;
  /** JSON text, or NULL when the event has no payload. */
  payload: string | null;
  created_at: number;
  /** The room's member count after a JOIN or LEAVE (not LEAVE/DELETE); NULL otherwise (0005). */
  member_count: number | null;
}

export interface EventRulesTable {
  id: string;
  app_id: string;
  kind: string;
  target: string;
  secret: string;
  /** A JSON array of operations, or NULL for all. */
  operations: string | null;
  created: number;
}

export interface EventDeliveriesTable {
  rule_id: string;
  event_seq: number;
  room_id: string;
  state: Generated<'pending' | 'dead'>;
  attempts: Generated<number>;
  next_at: number;
  lease_until: number | null;
  last_error: string | null;
}
