import type {
  AddMembersOutcome,
  Affiliation,
  JoinedChatroom,
  MembershipRepository,
  RemovedMembers,
  Role,
  RoomLeft,
  TransferOutcome,
  UserId,
} from '@chatroom/domain';
import { sql, type Kysely } from 'kysely';
import { inAskedOrder, SqlMembershipRepositoryBase, sharedTables } from '@chatroom/sql-store-kit';
import type { Database } from './schema/database.js';

/**
 * Memberships without PostgreSQL's data-modifying CTEs: every write that adds or removes a
 * membership first locks the room row (`SELECT … FOR UPDATE`), so that writes on one room run
 * one after the other and each sees the memberships the previous one committed (a locking read
 * in InnoDB reads the latest committed row, whatever the snapshot). Counters are changed by
 * guarded UPDATEs whose affected-row count is the decision.
 *
 * The member count after a change (the callbacks' `member_count`): MariaDB has no
 * UPDATE … RETURNING, so it is the count read by the room's locking read, which every add and
 * remove makes first anyway, plus or minus the number changed. The row lock is held until the
 * commit, so nobody else can change the counter in between: exact, and no extra statement.
 */
export class MariadbMembershipRepository extends SqlMembershipRepositoryBase implements MembershipRepository {
  constructor(private readonly db: Kysely<Database>) {
    super(sharedTables(db));
  }

  /**
   * 1. lock the room (absent → nothing added) and, in the same statement, find who is already
   *    in it (skipped);
   * 3. the room's guarded counter, `member_count + n <= max_users` in the UPDATE's WHERE
   *    (0 rows = room-full, nothing written);
   * 4. lock the new members' user rows (in username order, so two adders never deadlock on
   *    them) and find the first, in the order given, already at the joined-room cap: user-cap,
   *    and the room's counter is given back at once;
   * 5. the users' guarded counter, `joined_count + 1 <= cap`, which must then hit every one of
   *    them; 6. insert the memberships in the order given (AUTO_INCREMENT seq = join order).
   * A refusal leaves nothing written, even if the caller forgot to roll back.
   */
  async add(
    appId: string,
    roomId: string,
    usernames: readonly UserId[],
    role: Role,
    joinedRoomCap: number,
  ): Promise<AddMembersOutcome> {
    const wanted = [...new Set(usernames)];
    const locked = wanted.length === 0 ? null : await this.lockRoomWithMembers(appId, roomId, wanted);
    if (!locked) return { ok: true, added: [] };
    const { roles: present, memberCount: before } = locked;
    const added = wanted.filter((u) => !present.has(u));
    if (added.length === 0) return { ok: true, added: [] };

    const roomCounted = await this.db
      .updateTable('rooms')
      .set({ member_count: sql`member_count + ${added.length}` })
      .where('app_id', '=', appId)
      .where('id', '=', roomId)
      .where(sql<boolean>`member_count + ${added.length} <= max_users`)
      .executeTakeFirst();
    if (roomCounted.numUpdatedRows !== 1n) return { ok: false, reason: 'room-full' };

    const counts = await this.db
      .selectFrom('users')
      .select(['username', 'joined_count'])
      .where('app_id', '=', appId)
      .where('username', 'in', added)
      .orderBy('username')
      .forUpdate()
      .execute();
    const joined = new Map(counts.map((r) => [r.username, r.joined_count]));
    // A user who does not exist is left to the memberships foreign key (1452: the unit runs again).
    const atCap = added.find((u) => (joined.get(u) ?? 0) + 1 > joinedRoomCap);
    if (atCap !== undefined) {
      await this.changeMemberCount(appId, [roomId], -added.length);
      return { ok: false, reason: 'user-cap', username: atCap };
    }
    const usersCounted = await this.db
      .updateTable('users')
      .set({ joined_count: sql`joined_count + 1` })
      .where('app_id', '=', appId)
      .where('username', 'in', added)
      .where(sql<boolean>`joined_count + 1 <= ${joinedRoomCap}`)
      .executeTakeFirst();
    if (Number(usersCounted.numUpdatedRows) !== joined.size) {
      throw new Error('joined-room counters changed under their row locks');
    }
    await this.db
      .insertInto('memberships')
      .values(added.map((username) => ({ app_id: appId, room_id: roomId, username, role })))
      .execute();
    return { ok: true, added, memberCount: before + added.length };
  }

  /**
   * Locks the room (finding the members among the users in the same statement), then deletes
   * them and gives back their slots: the room's by the number deleted, each user's by one.
   */
  async remove(appId: string, roomId: string, usernames: readonly UserId[]): Promise<RemovedMembers> {
    const locked = usernames.length === 0 ? null : await this.lockRoomWithMembers(appId, roomId, usernames);
    const gone = [...(locked?.roles.keys() ?? [])];
    if (!locked || gone.length === 0) return { removed: [] };
    await this.db
      .deleteFrom('memberships')
      .where('app_id', '=', appId)
      .where('room_id', '=', roomId)
      .where('username', 'in', gone)
      .execute();
    await this.changeMemberCount(appId, [roomId], -gone.length);
    await this.db
      .updateTable('users')
      .set({ joined_count: sql`joined_count - 1` })
      .where('app_id', '=', appId)
      .where('username', 'in', gone)
      .execute();
    return { removed: inAskedOrder(usernames, gone), memberCount: locked.memberCount - gone.length };
  }

  /**
   * Locks the rooms the user is in (in id order, as every deleter does) before reading their
   * role there: a transfer that made them owner of one of them meanwhile has committed by then,
   * and that room is left to `deleteOwnedBy`. Four statements for any number of rooms; each
   * room's count after is the one its locking read saw, less one.
   */
  async removeEverywhere(appId: string, username: UserId): Promise<RoomLeft[]> {
    const rooms = await this.db
      .selectFrom('rooms')
      .select(['id', 'member_count'])
      .where('app_id', '=', appId)
      .where('id', 'in', (eb) =>
        eb.selectFrom('memberships').select('room_id').where('app_id', '=', appId).where('username', '=', username),
      )
      .orderBy('id')
      .forUpdate()
      .execute();
    if (rooms.length === 0) return [];
    const left = await this.db
      .selectFrom('memberships')
      .select('room_id')
      .where('app_id', '=', appId)
      .where('username', '=', username)
      .where('role', '<>', 'owner')
      .where(
        'room_id',
        'in',
        rooms.map((r) => r.id),
      )
      .forUpdate()
      .execute();
    const ids = left.map((r) => r.room_id);
    if (ids.length === 0) return [];
    await this.db
      .deleteFrom('memberships')
      .where('app_id', '=', appId)
      .where('username', '=', username)
      .where('room_id', 'in', ids)
      .execute();
    await this.changeMemberCount(appId, ids, -1);
    await this.db
      .updateTable('users')
      .set({ joined_count: sql`joined_count - ${ids.length}` })
      .where('app_id', '=', appId)
      .where('username', '=', username)
      .execute();
    const counts = new Map(rooms.map((r) => [r.id, r.member_count]));
    return ids.map((roomId) => ({ roomId, memberCount: counts.get(roomId)! - 1 }));
  }

  async rolesOf(appId: string, roomId: string, usernames: readonly UserId[]): Promise<Map<UserId, Role>> {
    const roles = new Map<UserId, Role>();
    if (usernames.length === 0) return roles;
    const rows = await this.db
      .selectFrom('memberships')
      .select(['username', 'role'])
      .where('app_id', '=', appId)
      .where('room_id', '=', roomId)
      .where('username', 'in', [...usernames])
      .execute();
    for (const row of rows) roles.set(row.username as UserId, row.role);
    return roles;
  }

  /**
   * The owner is row 0 of the listing, so the others' page starts at `offset - 1`, and the
   * owner is added only to the first page. One statement, so both parts read the same
   * committed state (a transfer cannot show an owner twice).
   */
  async listPage(appId: string, roomId: string, offset: number, limit: number): Promise<Affiliation[]> {
    if (limit <= 0) return [];
    const first = offset === 0;
    const { rows } = await sql<Affiliation>`
      SELECT username, role FROM (
        (SELECT username, role, seq FROM memberships
         WHERE app_id = ${appId} AND room_id = ${roomId} AND role = 'owner' AND ${first})
        UNION ALL
        (SELECT username, role, seq FROM memberships
         WHERE app_id = ${appId} AND room_id = ${roomId} AND role <> 'owner'
         ORDER BY seq LIMIT ${first ? limit - 1 : limit} OFFSET ${first ? 0 : offset - 1})
      ) AS page
      ORDER BY role <> 'owner', seq
    `.execute(this.db);
    return rows;
  }

  /**
   * Checks `to` first, under a row lock, so that a refusal writes nothing; then demotes, then
   * promotes (the one-owner key is checked row by row, so the old owner must stop being one
   * first), then names the new owner on the room. `not-member` (nothing written) when `to` is not in it.
   */
  async transferOwnership(appId: string, roomId: string, from: UserId, to: UserId): Promise<TransferOutcome> {
    const target = await this.db
      .selectFrom('memberships')
      .select('role')
      .where('app_id', '=', appId)
      .where('room_id', '=', roomId)
      .where('username', '=', to)
      .forUpdate()
      .executeTakeFirst();
    if (!target) return 'not-member';
    await this.db
      .updateTable('memberships')
      .set({ role: 'member' })
      .where('app_id', '=', appId)
      .where('room_id', '=', roomId)
      .where('username', '=', from)
      .where('role', '=', 'owner')
      .execute();
    await this.db
      .updateTable('memberships')
      .set({ role: 'owner' })
      .where('app_id', '=', appId)
      .where('room_id', '=', roomId)
      .where('username', '=', to)
      .execute();
    await this.db
      .updateTable('rooms')
      .set({ owner: to })
      .where('app_id', '=', appId)
      .where('id', '=', roomId)
      .execute();
    return 'transferred';
  }

  /** One query for any number of rooms; the owner first, then join order. */
  async affiliations(appId: string, roomIds: readonly string[]): Promise<Map<string, Affiliation[]>> {
    const result = new Map<string, Affiliation[]>();
    if (roomIds.length === 0) return result;
    const rows = await this.db
      .selectFrom('memberships')
      .select(['room_id', 'username', 'role'])
      .where('app_id', '=', appId)
      .where('room_id', 'in', [...roomIds])
      .orderBy('room_id')
      .orderBy(sql`role <> 'owner'`)
      .orderBy('seq')
      .execute();
    for (const row of rows) {
      let list = result.get(row.room_id);
      if (!list) result.set(row.room_id, (list = []));
      list.push({ username: row.username as UserId, role: row.role });
    }
    return result;
  }

  async joinedRooms(appId: string, username: UserId, offset: number, limit: number): Promise<JoinedChatroom[]> {
    return this.db
      .selectFrom('memberships as m')
      .innerJoin('rooms as r', (join) => join.onRef('r.app_id', '=', 'm.app_id').onRef('r.id', '=', 'm.room_id'))
      .select(['r.id', 'r.name'])
      .where('m.app_id', '=', appId)
      .where('m.username', '=', username)
      .orderBy('m.seq', 'desc')
      .limit(limit)
      .offset(offset)
      .execute();
  }

  /**
   * One round trip: locks the room row (and the memberships found) and returns the roles of
   * those of `usernames` who are in the room, with the room's member count, or null when the
   * room does not exist. Under the room lock no other unit adds or removes members, so what it
   * returns stays true until the commit.
   */
  private async lockRoomWithMembers(
    appId: string,
    roomId: string,
    usernames: readonly UserId[],
  ): Promise<{ roles: Map<UserId, Role>; memberCount: number } | null> {
    const rows = await this.db
      .selectFrom('rooms as r')
      .leftJoin('memberships as m', (join) =>
        join
          .onRef('m.app_id', '=', 'r.app_id')
          .onRef('m.room_id', '=', 'r.id')
          .on('m.username', 'in', [...usernames]),
      )
      .select(['m.username', 'm.role', 'r.member_count'])
      .where('r.app_id', '=', appId)
      .where('r.id', '=', roomId)
      .forUpdate()
      .execute();
    if (rows.length === 0) return null;
    const roles = new Map<UserId, Role>();
    for (const row of rows) if (row.username !== null && row.role !== null) roles.set(row.username as UserId, row.role);
    return { roles, memberCount: Number(rows[0]!.member_count) };
  }

  private async changeMemberCount(appId: string, roomIds: readonly string[], by: number): Promise<void> {
    await this.db
      .updateTable('rooms')
      .set({ member_count: sql`member_count + ${by}` })
      .where('app_id', '=', appId)
      .where('id', 'in', [...roomIds])
      .execute();
  }
}
