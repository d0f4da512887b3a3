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
import { usersInOrder } from './users-in-order.js';
import type { Database } from './schema/database.js';
import { runPrecompiled } from './precompiled.js';
import { releaseMemberships } from './release-memberships.js';
import { textArray } from './sql-arrays.js';

// The hot reads, precompiled (see precompiled.ts).
const AFFILIATIONS = `SELECT room_id, username, role FROM memberships WHERE app_id = $1 AND room_id = any($2::text[])
  ORDER BY room_id, role <> 'owner', seq`;
const ROLES_OF =
  'SELECT username, role FROM memberships WHERE app_id = $1 AND room_id = $2 AND username = any($3::text[])';

interface AddResult {
  added: string[];
  /** The room's counter after the statement; null when it was not counted (full, or nobody added). */
  member_count: number | null;
  counted: string[];
}

export class PostgresMembershipRepository extends SqlMembershipRepositoryBase implements MembershipRepository {
  constructor(private readonly db: Kysely<Database>) {
    super(sharedTables(db));
  }

  /**
   * One statement: insert the memberships (skipping existing ones, also those a concurrent unit
   * commits meanwhile), then bump the room's member_count and each new member's joined_count
   * only where they stay within their caps. Those UPDATEs wait for the row lock and re-check
   * their guard against the latest committed value (READ COMMITTED re-evaluation), so concurrent
   * adds on one room, from any number of connections, never pass the caps, and the room lock is
   * held for one round trip plus the commit. On a refusal the statement's writes are undone at
   * once, so nothing is left even if the caller forgot to roll back.
   */
  async add(
    appId: string,
    roomId: string,
    usernames: readonly UserId[],
    role: Role,
    joinedRoomCap: number,
  ): Promise<AddMembersOutcome> {
    const wanted = [...new Set(usernames)];
    if (wanted.length === 0) return { ok: true, added: [] };
    // The room is locked before any membership is inserted (the insert reads `locked`), as
    // every write of a room does: room, memberships, users.
    const { rows } = await sql<AddResult>`
      WITH locked AS MATERIALIZED (
        SELECT 1 FROM rooms WHERE app_id = ${appId} AND id = ${roomId} FOR NO KEY UPDATE
      ), inserted AS (
        INSERT INTO memberships (app_id, room_id, username, role)
        SELECT ${appId}::uuid, ${roomId}::text, w.username, ${role}::text
        FROM unnest(${textArray(wanted)}) WITH ORDINALITY AS w (username, ord)
        WHERE EXISTS (SELECT 1 FROM locked)
        ORDER BY w.ord
        ON CONFLICT (app_id, room_id, username) DO NOTHING
        RETURNING username, seq
      ), room AS (
        UPDATE rooms SET member_count = member_count + (SELECT count(*) FROM inserted)
        WHERE app_id = ${appId} AND id = ${roomId} AND EXISTS (SELECT 1 FROM inserted)
          AND member_count + (SELECT count(*) FROM inserted) <= max_users
        RETURNING member_count
      ), ${usersInOrder(sql`${appId}`, 'inserted')}, counted AS (
        UPDATE users SET joined_count = joined_count + 1
        WHERE app_id = ${appId} AND username IN (SELECT username FROM users_locked)
          AND joined_count + 1 <= ${joinedRoomCap}
        RETURNING username
      )
      SELECT ARRAY(SELECT username FROM inserted ORDER BY seq) AS added,
             (SELECT member_count FROM room) AS member_count,
             ARRAY(SELECT username FROM counted) AS counted
    `.execute(this.db);
    const { added, member_count: memberCount, counted } = rows[0]!;
    if (added.length === 0) return { ok: true, added: [] };
    const roomCounted = memberCount !== null;
    const countedSet = new Set(counted);
    const atCap = added.find((u) => !countedSet.has(u));
    // The guarded UPDATE's own RETURNING: it ran under the room's row lock, so the count is
    // exact however many units add at once, and costs no read.
    if (roomCounted && atCap === undefined) return { ok: true, added: added as UserId[], memberCount };
    await this.undoAdd(appId, roomId, added, roomCounted, counted);
    return roomCounted
      ? { ok: false, reason: 'user-cap', username: atCap as UserId }
      : { ok: false, reason: 'room-full' };
  }

  /** Undoes exactly what a refused `add` counted: the room only when it was counted, the users it counted. */
  private async undoAdd(
    appId: string,
    roomId: string,
    added: readonly string[],
    roomCounted: boolean,
    counted: readonly string[],
  ): Promise<void> {
    await sql`
      WITH ${releaseMemberships(appId, sql`room_id = ${roomId} AND username = any(${textArray(added)})`, {
        rooms: roomCounted,
        users: sql`users.username = any(${textArray(counted)})`,
      })}
      SELECT 1
    `.execute(this.db);
  }

  /** The count after comes from the counter's own UPDATE … RETURNING, in the same statement. */
  async remove(appId: string, roomId: string, usernames: readonly UserId[]): Promise<RemovedMembers> {
    if (usernames.length === 0) return { removed: [] };
    const { rows } = await sql<{ username: string; member_count: number | null }>`
      WITH ${releaseMemberships(appId, sql`room_id = ${roomId} AND username = any(${textArray(usernames)})`)}
      SELECT g.username, r.member_count FROM gone g LEFT JOIN rooms_left r ON true
    `.execute(this.db);
    if (rows.length === 0) return { removed: [] };
    const removed = inAskedOrder(
      usernames,
      rows.map((r) => r.username),
    );
    const memberCount = rows[0]!.member_count;
    return memberCount === null ? { removed } : { removed, memberCount };
  }

  /**
   * The user's rooms are locked first, in id order (as every statement that locks several rooms
   * takes them), and all of them before any membership is deleted: the DELETE reads the array
   * of their ids, which PostgreSQL builds (taking every lock) before it scans memberships.
   */
  async removeEverywhere(appId: string, username: UserId): Promise<RoomLeft[]> {
    const { rows } = await sql<{ room_id: string; member_count: number }>`
      WITH locked AS MATERIALIZED (
        SELECT id FROM rooms
        WHERE app_id = ${appId}
          AND id IN (SELECT room_id FROM memberships WHERE app_id = ${appId} AND username = ${username} AND role <> 'owner')
        ORDER BY id
        FOR UPDATE
      ), ${releaseMemberships(
        appId,
        sql`username = ${username} AND role <> 'owner' AND room_id = any(ARRAY(SELECT id FROM locked))`,
      )}
      SELECT room_id, member_count FROM rooms_left
    `.execute(this.db);
    return rows.map((r) => ({ roomId: r.room_id, memberCount: r.member_count }));
  }

  async rolesOf(appId: string, roomId: string, usernames: readonly UserId[]): Promise<Map<UserId, Role>> {
    const roles = new Map<UserId, Role>();
    if (usernames.length === 0) return roles;
    const rows = await runPrecompiled<{ username: string; role: Role }>(this.db, ROLES_OF, [
      appId,
      roomId,
      [...usernames],
    ]);
    for (const row of rows) roles.set(row.username as UserId, row.role);
    return roles;
  }

  /**
   * The owner is row 0 of the listing, so the others' page starts at `offset - 1`, and the
   * owner (one probe of the one-owner index) is added only to the first page. Each part is
   * one index range scan of memberships_room_seq_idx that skips `offset` entries without
   * touching the table (once vacuumed), a fraction of a microsecond each: a page 9,000 deep
   * costs under a millisecond more than the first, where sorting the room would cost every page.
   * One statement, so both parts see the same snapshot (a transfer cannot show an owner twice).
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
         ORDER BY seq OFFSET ${first ? 0 : offset - 1} LIMIT ${first ? limit - 1 : limit})
      ) AS page
      ORDER BY role <> 'owner', seq
    `.execute(this.db);
    return rows;
  }

  /**
   * One statement: demote, then promote, then name the new owner on the room. The one-owner
   * index is checked row by row, so the old owner must stop being one first: `promoted` reads
   * `demoted`, which makes PostgreSQL finish the demotion before it promotes. Nothing is changed
   * unless `to` is a member (the demotion itself is conditional on it), so a room is never left
   * without an owner.
   */
  async transferOwnership(appId: string, roomId: string, from: UserId, to: UserId): Promise<TransferOutcome> {
    const { rows } = await sql<{ promoted: boolean }>`
      WITH demoted AS (
        UPDATE memberships SET role = 'member'
        WHERE app_id = ${appId} AND room_id = ${roomId} AND username = ${from} AND role = 'owner'
          AND ${from}::text <> ${to}::text
          AND EXISTS (SELECT 1 FROM memberships WHERE app_id = ${appId} AND room_id = ${roomId} AND username = ${to})
        RETURNING 1
      ), promoted AS (
        UPDATE memberships SET role = 'owner'
        WHERE app_id = ${appId} AND room_id = ${roomId} AND username = ${to}
          AND (EXISTS (SELECT 1 FROM demoted) OR ${from}::text = ${to}::text)
        RETURNING 1
      ), room AS (
        UPDATE rooms SET owner = ${to}
        WHERE app_id = ${appId} AND id = ${roomId} AND EXISTS (SELECT 1 FROM promoted)
      )
      SELECT EXISTS (SELECT 1 FROM promoted) AS promoted
    `.execute(this.db);
    return rows[0]!.promoted ? 'transferred' : 'not-member';
  }

  /** One query for any number of rooms; the owner first, then join order. */
  async affiliations(appId: string, roomIds: readonly string[]): Promise<Map<string, Affiliation[]>> {
    const result = new Map<string, Affiliation[]>();
    if (roomIds.length === 0) return result;
    const rows = await runPrecompiled<{ room_id: string; username: string; role: Role }>(this.db, AFFILIATIONS, [
      appId,
      [...roomIds],
    ]);
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
      .offset(offset)
      .limit(limit)
      .execute();
  }
}
