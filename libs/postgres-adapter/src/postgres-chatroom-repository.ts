import type { Chatroom, ChatroomRepository, DissolvedRoom, InsertChatroomOutcome, UserId } from '@chatroom/domain';
import {
  ROOM_COLUMNS,
  SqlChatroomRepositoryBase,
  toChatroom,
  type RoomRow,
  sharedTables,
} from '@chatroom/sql-store-kit';
import { sql, type Kysely } from 'kysely';
import type { Database } from './schema/database.js';
import { AFTER_USERS_LEFT, releaseMemberships } from './release-memberships.js';
import { runPrecompiled } from './precompiled.js';
import { textArray } from './sql-arrays.js';

// The hot reads, precompiled (see precompiled.ts).
const SELECT_ROOMS = `SELECT ${ROOM_COLUMNS.join(', ')} FROM rooms WHERE app_id = $1`;
const FIND_BY_ID = `${SELECT_ROOMS} AND id = $2`;
const FIND_BY_ID_FOR_UPDATE = `${FIND_BY_ID} FOR UPDATE`;
const FIND_BY_IDS = `${SELECT_ROOMS} AND id = any($2::text[])`;
const LIST_FIRST_PAGE = `${SELECT_ROOMS} ORDER BY seq DESC LIMIT $2`;
const LIST_PAGE_BEFORE = `${SELECT_ROOMS} AND seq < $2 ORDER BY seq DESC LIMIT $3`;

export class PostgresChatroomRepository extends SqlChatroomRepositoryBase implements ChatroomRepository {
  constructor(private readonly db: Kysely<Database>) {
    super(sharedTables(db));
  }

  /**
   * The app's room_count is a guarded counter: incremented only while it stays within the quota,
   * in the same statement as the insert, so concurrent creates can never pass the quota (the
   * app row's lock serialises them). A refused room is deleted again at once, so nothing is
   * left behind even if the caller forgot to roll back.
   */
  async insert(room: Chatroom, roomQuota: number): Promise<InsertChatroomOutcome> {
    const { rows } = await sql<{ inserted: boolean; counted: boolean }>`
      WITH inserted AS (
        INSERT INTO rooms (app_id, id, seq, name, description, max_users, owner, custom, created, mute_all)
        VALUES (${room.appId}, ${room.id}, ${room.seq}, ${room.name}, ${room.description}, ${room.maxUsers},
                ${room.owner}, ${room.custom}, ${room.created}, ${room.muteAll})
        ON CONFLICT (app_id, id) DO NOTHING
        RETURNING app_id
      ), counted AS (
        UPDATE apps SET room_count = room_count + 1
        WHERE id = (SELECT app_id FROM inserted) AND room_count + 1 <= ${roomQuota}
        RETURNING id
      )
      SELECT EXISTS (SELECT 1 FROM inserted) AS inserted, EXISTS (SELECT 1 FROM counted) AS counted
    `.execute(this.db);
    const { inserted, counted } = rows[0]!;
    if (!inserted) return 'id-taken';
    if (counted) return 'inserted';
    await this.db.deleteFrom('rooms').where('app_id', '=', room.appId).where('id', '=', room.id).execute();
    return 'quota-exceeded';
  }

  async findById(appId: string, id: string): Promise<Chatroom | null> {
    const [row] = await runPrecompiled<RoomRow>(this.db, FIND_BY_ID, [appId, id]);
    return row ? toChatroom(row) : null;
  }

  async findByIdForUpdate(appId: string, id: string): Promise<Chatroom | null> {
    const [row] = await runPrecompiled<RoomRow>(this.db, FIND_BY_ID_FOR_UPDATE, [appId, id]);
    return row ? toChatroom(row) : null;
  }

  async findByIds(appId: string, ids: readonly string[]): Promise<Chatroom[]> {
    if (ids.length === 0) return [];
    return (await runPrecompiled<RoomRow>(this.db, FIND_BY_IDS, [appId, [...ids]])).map(toChatroom);
  }

  async listPage(appId: string, limit: number, beforeSeq?: number): Promise<Chatroom[]> {
    // Keyset: one range scan of rooms_app_seq_idx from the cursor, whatever the depth.
    const rows =
      beforeSeq === undefined
        ? await runPrecompiled<RoomRow>(this.db, LIST_FIRST_PAGE, [appId, limit])
        : await runPrecompiled<RoomRow>(this.db, LIST_PAGE_BEFORE, [appId, beforeSeq, limit]);
    return rows.map(toChatroom);
  }

  /**
   * Locks the rooms first (in id order, so two deleters never deadlock): adding members needs a
   * key-share lock on the room (the memberships foreign key), so once we hold it no membership
   * can appear, and the next statement sees them all. That one statement gives every member's
   * slots back (one per room left), deletes the rooms and returns their slots in the app quota;
   * their lists, mutes and attributes go with them (ON DELETE CASCADE). Returns the rooms
   * deleted with the members it deleted (E12 lists them), owner first, then join order.
   */
  protected async deleteWhere(appId: string, column: 'id' | 'owner', value: string): Promise<DissolvedRoom[]> {
    const locked = await this.db
      .selectFrom('rooms')
      .select('id')
      .where('app_id', '=', appId)
      .where(column, '=', value)
      .orderBy('id')
      .forUpdate()
      .execute();
    const ids = locked.map((r) => r.id);
    if (ids.length === 0) return [];
    const { rows } = await sql<{ room_id: string; username: string }>`
      WITH ${releaseMemberships(appId, sql`room_id = any(${textArray(ids)})`, { rooms: false })},
      room AS (
        DELETE FROM rooms WHERE app_id = ${appId} AND id = any(${textArray(ids)}) RETURNING id
      ), quota AS (
        UPDATE apps SET room_count = room_count - (SELECT count(*) FROM room) WHERE id = ${appId} AND ${AFTER_USERS_LEFT}
      )
      -- A dissolve has read its members already; a user's deletion needs them for E12.
      SELECT room_id, username FROM gone WHERE ${column === 'owner'} ORDER BY room_id, role <> 'owner', seq
    `.execute(this.db);
    const members = new Map<string, UserId[]>(ids.map((id) => [id, []]));
    for (const row of rows) members.get(row.room_id)!.push(row.username as UserId);
    return ids.map((id) => ({ id, members: members.get(id)! }));
  }
}
