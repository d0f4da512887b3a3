import type {
  Chatroom,
  ConsoleQueries,
  DeadDeliveryRevival,
  DeliveryCounts,
  DeliveryView,
  RoomSearch,
} from '@chatroom/domain';
import { sql, type Kysely } from 'kysely';
import { ROOM_COLUMNS, toChatroom, type RoomRow } from '../rows/room-rows.js';
import type { SharedDatabase } from '../schema/shared-tables.js';

/** `%`, `_` and the escape itself stand for themselves in a LIKE prefix. */
export function likePrefix(text: string): string {
  return `${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Numbers and booleans as either driver returns them from a raw query (MariaDB: strings and 0/1). */
interface RawRoomRow extends Omit<RoomRow, 'seq' | 'created' | 'mute_all'> {
  seq: number | string;
  created: number | string;
  mute_all: boolean | number | string;
}

interface DeliveryRow {
  event_id: string;
  event_seq: string | number;
  room_id: string;
  operation: string;
  state: 'pending' | 'dead';
  attempts: number | string;
  next_at: string | number;
  last_error: string | null;
}

/**
 * The operator console's reads, the same SQL on both stores; counting deliveries by state is
 * each store's own (`count(*) FILTER` against `SUM(state = …)`).
 */
export abstract class SqlConsoleQueriesBase implements ConsoleQueries, DeadDeliveryRevival {
  constructor(protected readonly shared: Kysely<SharedDatabase>) {}

  /** Where a change runs: a store joins the transaction of a keyed request (Idempotency-Key) here, so its answer is stored with it. */
  protected writer(): Kysely<SharedDatabase> {
    return this.shared;
  }

  /**
   * Newest first by seq. Without filters it is the room list's range on rooms_app_seq_idx;
   * a name prefix reads rooms_app_name_prefix_idx and an owner rooms_app_owner_idx, then sorts
   * only the matches.
   */
  async searchRooms(appId: string, search: RoomSearch): Promise<Chatroom[]> {
    const { rows } = await sql<RawRoomRow>`
      SELECT ${sql.raw(ROOM_COLUMNS.join(', '))} FROM rooms
      WHERE app_id = ${appId}
        ${search.namePrefix === undefined ? sql`` : sql`AND name LIKE ${likePrefix(search.namePrefix)}`}
        ${search.owner === undefined ? sql`` : sql`AND owner = ${search.owner}`}
        ${search.beforeSeq === undefined ? sql`` : sql`AND seq < ${search.beforeSeq}`}
      ORDER BY seq DESC LIMIT ${search.limit}
    `.execute(this.shared);
    return rows.map((row) =>
      toChatroom({
        ...row,
        seq: Number(row.seq),
        created: Number(row.created),
        mute_all: Boolean(Number(row.mute_all)),
      }),
    );
  }

  async deliveries(ruleId: string, state: 'pending' | 'dead' | undefined, limit: number): Promise<DeliveryView[]> {
    const { rows } = await sql<DeliveryRow>`
      SELECT e.id AS event_id, d.event_seq, d.room_id, e.operation, d.state, d.attempts, d.next_at, d.last_error
      FROM event_deliveries d JOIN room_events e ON e.seq = d.event_seq
      WHERE d.rule_id = ${ruleId} ${state === undefined ? sql`` : sql`AND d.state = ${state}`}
      ORDER BY d.event_seq LIMIT ${limit}
    `.execute(this.shared);
    return rows.map((row) => ({
      eventId: row.event_id,
      eventSeq: Number(row.event_seq),
      roomId: row.room_id,
      operation: row.operation,
      state: row.state,
      attempts: Number(row.attempts),
      nextAt: row.state === 'pending' ? Number(row.next_at) : null,
      lastError: row.last_error,
    }));
  }

  abstract deliveryCounts(ruleIds: readonly string[]): Promise<Map<string, DeliveryCounts>>;

  /** One statement: the rule's dead rows become due now, as if new. */
  async reviveDead(ruleId: string): Promise<number> {
    const { numAffectedRows } = await sql`
      UPDATE event_deliveries SET state = 'pending', attempts = 0, next_at = 0, lease_until = NULL, last_error = NULL
      WHERE rule_id = ${ruleId} AND state = 'dead'
    `.execute(this.writer());
    return Number(numAffectedRows ?? 0n);
  }
}
