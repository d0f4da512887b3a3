import type { RoomsTable, SharedDatabase } from '@chatroom/sql-store-kit';
import type { Generated } from 'kysely';

/**
 * The tables as kysely sees them: those both stores share (from the kit) and those this dialect
 * types differently. Every bigint column is parsed to a JS number by both
 * dialects (see pg-dialect.ts and pglite-dialect.ts): all our values stay below 2^53.
 */
export interface Database extends SharedDatabase {
  rooms: PostgresRoomsTable;
  room_events: RoomEventsTable;
  event_rules: EventRulesTable;
  event_deliveries: EventDeliveriesTable;
}

/** The rooms as the kit lays them out, with the counter only PostgreSQL's guarded commands read. */
export interface PostgresRoomsTable extends RoomsTable {
  /** Bumped by every block (migration 0012): an addition that waited on the room sees a block committed meanwhile. */
  block_seq: Generated<number>;
}

export interface RoomEventsTable {
  seq: Generated<number>;
  id: Generated<string>;
  app_id: string;
  org: string;
  app: string;
  room_id: string;
  operation: string;
  operator: string;
  payload: unknown;
  created_at: number;
  /** The room's member count after a JOIN or LEAVE (not LEAVE/DELETE); NULL otherwise (0007). */
  member_count: number | null;
}

export interface EventRulesTable {
  id: string;
  app_id: string;
  kind: string;
  target: string;
  secret: string;
  operations: string[] | null;
  created: number;
}

export interface EventDeliveriesTable {
  rule_id: string;
  event_seq: number;
  room_id: string;
  state: Generated<string>;
  attempts: Generated<number>;
  next_at: number;
  lease_until: number | null;
  last_error: string | null;
}
