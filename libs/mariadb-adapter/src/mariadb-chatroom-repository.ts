import type { Affiliation, Chatroom, ChatroomRepository, DissolvedRoom, InsertChatroomOutcome } from '@chatroom/domain';
import { ROOM_COLUMNS, SqlChatroomRepositoryBase, toChatroom, sharedTables } from '@chatroom/sql-store-kit';
import { sql, type Kysely } from 'kysely';
import { MariadbMembershipRepository } from './mariadb-membership-repository.js';
import type { Database } from './schema/database.js';

export class MariadbChatroomRepository extends SqlChatroomRepositoryBase implements ChatroomRepository {
  constructor(private readonly db: Kysely<Database>) {
    super(sharedTables(db));
  }

  /**
   * Locks the app row, then insert-or-skip (an ON DUPLICATE KEY UPDATE that changes nothing:
   * 0 affected rows = the id is taken, nothing written), then the app's guarded counter,
   * `room_count + 1 <= quota` in the UPDATE's WHERE: concurrent creates in one app run one after
   * the other on the app row's lock and can never pass the quota. 0 rows = over quota: the room
   * is deleted again at once, so nothing is left even if the caller forgot to roll back.
   */
  async insert(room: Chatroom, roomQuota: number): Promise<InsertChatroomOutcome> {
    // The app row first: inserting a room takes a shared lock on it (the foreign key), and
    // concurrent inserters each upgrading theirs for the counter would deadlock one another.
    await this.db.selectFrom('apps').select('id').where('id', '=', room.appId).forUpdate().execute();
    const inserted = await this.db
      .insertInto('rooms')
      .values({
        app_id: room.appId,
        id: room.id,
        seq: room.seq,
        name: room.name,
        description: room.description,
        max_users: room.maxUsers,
        owner: room.owner,
        custom: room.custom,
        created: room.created,
        mute_all: room.muteAll,
      })
      .onDuplicateKeyUpdate({ id: sql`id` })
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) !== 1) return 'id-taken';
    const counted = await this.db
      .updateTable('apps')
      .set({ room_count: sql`room_count + 1` })
      .where('id', '=', room.appId)
      .where(sql<boolean>`room_count + 1 <= ${roomQuota}`)
      .executeTakeFirst();
    if (counted.numUpdatedRows === 1n) return 'inserted';
    await this.db.deleteFrom('rooms').where('app_id', '=', room.appId).where('id', '=', room.id).execute();
    return 'quota-exceeded';
  }

  async findById(appId: string, id: string): Promise<Chatroom | null> {
    const row = await this.selectRooms(appId).where('id', '=', id).executeTakeFirst();
    return row ? toChatroom(row) : null;
  }

  async findByIdForUpdate(appId: string, id: string): Promise<Chatroom | null> {
    const row = await this.selectRooms(appId).where('id', '=', id).forUpdate().executeTakeFirst();
    return row ? toChatroom(row) : null;
  }

  async findByIds(appId: string, ids: readonly string[]): Promise<Chatroom[]> {
    if (ids.length === 0) return [];
    const rows = await this.selectRooms(appId)
      .where('id', 'in', [...ids])
      .execute();
    return rows.map(toChatroom);
  }

  async listPage(appId: string, limit: number, beforeSeq?: number): Promise<Chatroom[]> {
    // Keyset: one backward range scan of rooms_app_seq_idx from the cursor, whatever the depth.
    let query = this.selectRooms(appId).orderBy('seq', 'desc').limit(limit);
    if (beforeSeq !== undefined) query = query.where('seq', '<', beforeSeq);
    return (await query.execute()).map(toChatroom);
  }

  /**
   * Four statements for any number of rooms (five for a user's rooms). Locks the rooms first (in
   * id order, so two deleters never deadlock): every membership write locks its room first (see
   * mariadb-membership-repository.ts), so once we hold them no membership can appear or go.
   * A user's deletion then reads the members (E12 lists them; a dissolve has read them already).
   * Then every member's slots are given back (one per room left) in one multi-table UPDATE,
   * the rooms are deleted (their memberships, lists, mutes and attributes go with them: ON
   * DELETE CASCADE), and their slots in the app quota are given back. Returns the rooms deleted,
   * with their members for a user's deletion (none listed for a dissolve).
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
    // The same one statement as the affiliations of a page of rooms: owner first, then join order.
    const members =
      column === 'owner'
        ? await new MariadbMembershipRepository(this.db).affiliations(appId, ids)
        : new Map<string, Affiliation[]>();
    await sql`
      UPDATE users AS u
      JOIN (SELECT username, count(*) AS n FROM memberships
            WHERE app_id = ${appId} AND room_id IN (${sql.join(ids)}) GROUP BY username) AS left_rooms
        ON u.app_id = ${appId} AND u.username = left_rooms.username
      SET u.joined_count = u.joined_count - left_rooms.n
    `.execute(this.db);
    await this.db.deleteFrom('rooms').where('app_id', '=', appId).where('id', 'in', ids).execute();
    await this.db
      .updateTable('apps')
      .set({ room_count: sql`room_count - ${ids.length}` })
      .where('id', '=', appId)
      .execute();
    return ids.map((id) => ({ id, members: (members.get(id) ?? []).map((a) => a.username) }));
  }

  private selectRooms(appId: string) {
    return this.db.selectFrom('rooms').select(ROOM_COLUMNS).where('app_id', '=', appId);
  }
}
