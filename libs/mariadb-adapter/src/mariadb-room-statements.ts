import type {
  AddMembersCommand,
  CreateRoomCommand,
  DissolveCommand,
  MuteCommand,
  Outcome,
  RemoveMemberCommand,
  TransferCommand,
  UnmuteCommand,
  UserId,
} from '@chatroom/domain';
import { sql, type RawBuilder } from 'kysely';
import {
  asked,
  compound,
  nameList,
  onRoom,
  onRoomAndUser,
  payloadWith,
  refuseIf,
  refusalOf,
  requireUsers,
  storeEvents,
  type Send,
} from './mariadb-command-statement.js';

/**
 * The six room commands the benchmark measures and the unmute, each ONE compound statement (MariadbRoomCommands
 * says how they are sent and when they are not): the repositories' statements, guarded by what
 * the ones before them found, in the store's lock order.
 */
export class RoomCommandStatements {
  constructor(private readonly send: Send) {}

  /**
   * The id drawn from room_seq (the id asked, if any), the app's row locked, the room inserted
   * or skipped (`id-taken`), the app's guarded room_count, the users' joined_count bumped in
   * username order and checked against the cap, then the memberships (owner first). The app's
   * row is locked first, as the repository's insert does: inserting a room takes it in share mode
   * (the foreign key), and concurrent creates each upgrading theirs for the counter would
   * deadlock. Refusals after something was written roll it back; the drawn id is lost, as a
   * rolled-back unit's is.
   */
  async createRoom(c: CreateRoomCommand): Promise<Outcome<{ id: string }>> {
    const { room } = c;
    const users = [room.owner, ...c.members];
    const memberships = users.map(
      (username, i) => sql`(${room.appId}, v_id, ${username}, ${i === 0 ? 'owner' : 'member'})`,
    );
    const answer = await this.send<{ id: string | null }>(() =>
      compound({
        declare: sql`
          DECLARE v_seq BIGINT;
          DECLARE v_id VARCHAR(64) DEFAULT ${room.id ?? null};
          DECLARE v_found INT;`,
        body: sql`
          ${requireUsers(room.appId, users)}
          SET v_seq = NEXTVAL(room_seq);
          SET v_id = COALESCE(v_id, v_seq);
          SELECT COUNT(*) INTO v_found FROM apps WHERE id = ${room.appId} FOR UPDATE;
          INSERT INTO rooms (app_id, id, seq, name, description, max_users, owner, custom, created, mute_all, member_count)
          VALUES (${room.appId}, v_id, v_seq, ${room.name}, ${room.description}, ${room.maxUsers}, ${room.owner},
                  ${room.custom}, ${room.created}, ${room.muteAll}, 0)
          ON DUPLICATE KEY UPDATE id = id;
          ${refuseIf(sql`ROW_COUNT() = 0`, 'id-taken')}
          UPDATE apps SET room_count = room_count + 1 WHERE id = ${room.appId} AND room_count + 1 <= ${c.roomQuota};
          ${refuseIf(sql`ROW_COUNT() = 0`, 'quota-exceeded')}
          ${countUsers(room.appId, users, c.joinedRoomCap)}
          ${refuseIf(sql`v_user = ${room.owner}`, 'user-cap')}
          ${refuseIf(sql`${users.length} > ${room.maxUsers}`, 'room-full')}
          ${refuseIf(sql`v_user IS NOT NULL`, 'user-cap')}
          UPDATE rooms SET member_count = ${users.length} WHERE app_id = ${room.appId} AND id = v_id;
          INSERT INTO memberships (app_id, room_id, username, role) VALUES ${sql.join(memberships)};
          ${storeEvents(c.created.map((event) => ({ event, roomId: sql`v_id` })))}`,
        answer: sql`, v_id AS id`,
      }),
    );
    if (answer.refused === 'id-taken') return { refused: 'id-taken', id: String(answer.id ?? room.id ?? '') };
    if (answer.refused !== null) return refusalOf(answer, []);
    return { id: String(answer.id) };
  }

  /**
   * The room locked, the users and the blocklist checked, then those not in the room yet: the
   * room's guarded member_count, their joined_count (username order) checked against the cap,
   * their memberships in the order asked, the `JOIN` with the count after.
   */
  async addMembers(c: AddMembersCommand): Promise<Outcome<{ added: UserId[]; memberCount?: number }>> {
    const wanted = [...new Set(c.usernames)];
    const outsider = sql`NOT EXISTS (SELECT 1 FROM memberships m
      WHERE m.app_id = ${c.appId} AND m.room_id = ${c.roomId} AND m.username = `;
    const answer = await this.send<{ added: string | null; member_count: number | null }>(() =>
      onRoom(c.appId, c.roomId, {
        declare: sql`
          DECLARE v_added LONGTEXT DEFAULT NULL;
          DECLARE v_n INT DEFAULT 0;`,
        body: sql`
          ${requireUsers(c.appId, wanted)}
          SELECT (SELECT username FROM room_user_lists
            WHERE app_id = ${c.appId} AND room_id = ${c.roomId} AND list = 'blocklist' AND username IN (${nameList(wanted)})
            ORDER BY username LIMIT 1) INTO v_user;
          ${refuseIf(sql`v_user IS NOT NULL`, 'blocked')}
          SELECT (SELECT JSON_ARRAYAGG(w.username ORDER BY w.ord) FROM ${asked(wanted)}
            WHERE ${outsider}w.username)) INTO v_added;
          IF v_added IS NULL THEN LEAVE guarded; END IF;
          SET v_n = JSON_LENGTH(v_added);
          UPDATE rooms SET member_count = member_count + v_n
          WHERE app_id = ${c.appId} AND id = ${c.roomId} AND member_count + v_n <= max_users;
          ${refuseIf(sql`ROW_COUNT() = 0`, 'room-full')}
          UPDATE users SET joined_count = joined_count + 1
          WHERE app_id = ${c.appId} AND username IN (${nameList(wanted)}) AND ${outsider}users.username)
          ORDER BY username;
          ${overCap(c.appId, sql`v_added`, c.joinedRoomCap)}
          ${refuseIf(sql`v_user IS NOT NULL`, 'user-cap')}
          INSERT INTO memberships (app_id, room_id, username, role)
          SELECT ${c.appId}, ${c.roomId}, w.username, 'member' FROM ${asked(sql`v_added`)} ORDER BY w.ord;
          ${storeEvents([
            {
              event: c.joined,
              payload: payloadWith(c.joined.payload, 'member', sql`JSON_QUERY(v_added, '$')`),
              memberCount: sql`v_count + v_n`,
            },
          ])}`,
        answer: sql`, v_added AS added, IF(v_n > 0, v_count + v_n, NULL) AS member_count`,
      }),
    );
    if (answer.refused !== null) return refusalOf(answer, []);
    const added = answer.added === null ? [] : (JSON.parse(answer.added) as UserId[]);
    return answer.member_count === null ? { added } : { added, memberCount: Number(answer.member_count) };
  }

  /** The room locked, the guards, then the membership, both counters and what leaving takes with it (mute, allowlist entry, auto-delete attributes). */
  async removeMember(c: RemoveMemberCommand): Promise<Outcome<{ memberCount: number }>> {
    const answer = await this.send<{ member_count: number }>(() =>
      onRoomAndUser(c.appId, c.roomId, c.username, {
        body: sql`
          ${refuseIf(sql`v_owner = ${c.username}`, 'owner')}
          DELETE FROM memberships WHERE ${inRoom(c)} AND username = ${c.username};
          ${refuseIf(sql`ROW_COUNT() = 0`, 'not-member')}
          UPDATE rooms SET member_count = member_count - 1 WHERE app_id = ${c.appId} AND id = ${c.roomId};
          UPDATE users SET joined_count = joined_count - 1 WHERE app_id = ${c.appId} AND username = ${c.username};
          DELETE FROM mutes WHERE ${inRoom(c)} AND username = ${c.username};
          DELETE FROM room_user_lists WHERE ${inRoom(c)} AND list = 'allowlist' AND username = ${c.username};
          DELETE FROM room_attributes WHERE ${inRoom(c)} AND auto_delete AND owner = ${c.username};
          ${storeEvents([{ event: { ...c.left, payload: { ...c.left.payload } }, memberCount: sql`v_count - 1` }])}`,
        answer: sql`, v_count - 1 AS member_count`,
      }),
    );
    if (answer.refused !== null) return refusalOf(answer, [c.username]);
    return { memberCount: Number(answer.member_count) };
  }

  /** The room locked, the guards, the new owner's membership locked, then the old owner demoted before the new one is promoted (the one-owner key is checked row by row). */
  async transfer(c: TransferCommand): Promise<Outcome<{ from: UserId }>> {
    const answer = await this.send<{ owner: string }>(() =>
      onRoomAndUser(c.appId, c.roomId, c.newOwner, {
        body: sql`
          ${refuseIf(sql`v_owner = ${c.newOwner}`, 'same-owner')}
          SELECT COUNT(*) INTO v_found FROM memberships WHERE ${inRoom(c)} AND username = ${c.newOwner} FOR UPDATE;
          ${refuseIf(sql`v_found = 0`, 'not-member')}
          UPDATE memberships SET role = 'member' WHERE ${inRoom(c)} AND username = v_owner AND role = 'owner';
          UPDATE memberships SET role = 'owner' WHERE ${inRoom(c)} AND username = ${c.newOwner};
          UPDATE rooms SET owner = ${c.newOwner} WHERE app_id = ${c.appId} AND id = ${c.roomId};
          ${storeEvents([{ event: c.transferred, payload: payloadWith(c.transferred.payload, 'owner', sql`v_owner`) }])}`,
        answer: sql`, v_owner AS owner`,
      }),
    );
    if (answer.refused !== null) return refusalOf(answer, [c.newOwner]);
    return { from: answer.owner as UserId };
  }

  /**
   * The room locked, its members read (owner first, then join order), every member's slot given
   * back (one multi-table UPDATE), the room deleted (its memberships, lists, mutes and attributes
   * go with it: ON DELETE CASCADE), the app's slot given back: the repository's deletion.
   */
  async dissolve(c: DissolveCommand): Promise<Outcome<{ members: UserId[] }>> {
    const [gone, left] = c.dissolved;
    const answer = await this.send<{ members: string | null }>(() =>
      onRoom(c.appId, c.roomId, {
        declare: sql`
          DECLARE v_members LONGTEXT DEFAULT NULL;`,
        body: sql`
          SELECT (SELECT JSON_ARRAYAGG(username ORDER BY role <> 'owner', seq)
            FROM memberships WHERE app_id = ${c.appId} AND room_id = ${c.roomId}) INTO v_members;
          UPDATE users AS u
          JOIN (SELECT username, count(*) AS n FROM memberships
                WHERE app_id = ${c.appId} AND room_id = ${c.roomId} GROUP BY username) AS left_rooms
            ON u.app_id = ${c.appId} AND u.username = left_rooms.username
          SET u.joined_count = u.joined_count - left_rooms.n;
          DELETE FROM rooms WHERE app_id = ${c.appId} AND id = ${c.roomId};
          UPDATE apps SET room_count = room_count - 1 WHERE id = ${c.appId};
          IF v_members IS NULL THEN
            ${storeEvents([{ event: gone }])}
          ELSE
            ${storeEvents([
              { event: gone },
              { event: left, payload: payloadWith(left.payload, 'member', sql`JSON_QUERY(v_members, '$')`) },
            ])}
          END IF;`,
        answer: sql`, v_members AS members`,
      }),
    );
    if (answer.refused !== null) return refusalOf(answer, []);
    return { members: answer.members === null ? [] : (JSON.parse(answer.members) as UserId[]) };
  }

  /**
   * The room locked, every outsider named, then the mutes set in one upsert (a replaced mute
   * draws a new seq, so it lists as set last) or lifted.
   */
  async mute(c: MuteCommand): Promise<Outcome<Record<never, never>>> {
    const answer = await this.send<{ outsiders: string | null }>(() =>
      onRoom(c.appId, c.roomId, {
        declare: sql`
          DECLARE v_outsiders LONGTEXT DEFAULT NULL;`,
        body: sql`
          SELECT (SELECT JSON_ARRAYAGG(w.username ORDER BY w.ord) FROM ${asked(c.usernames)}
            WHERE NOT EXISTS (SELECT 1 FROM memberships m
              WHERE m.app_id = ${c.appId} AND m.room_id = ${c.roomId} AND m.username = w.username)) INTO v_outsiders;
          ${refuseIf(sql`v_outsiders IS NOT NULL`, 'not-member')}
          ${muteChange(c)}
          ${storeEvents([{ event: c.muted }])}`,
        answer: sql`, v_outsiders AS outsiders`,
      }),
    );
    if (answer.refused !== null)
      return refusalOf(answer, answer.outsiders === null ? [] : (JSON.parse(answer.outsiders) as UserId[]));
    return {};
  }

  /** The room locked, then the users' mutes lifted, whoever they are; the event whenever the room exists. */
  async unmute(c: UnmuteCommand): Promise<Outcome<Record<never, never>>> {
    const answer = await this.send(() =>
      onRoom(c.appId, c.roomId, { body: sql`${liftMutes(c)} ${storeEvents([{ event: c.unmuted }])}` }),
    );
    return answer.refused !== null ? refusalOf(answer, []) : {};
  }
}

/** The command's room's rows of a per-room table. */
function inRoom(c: { readonly appId: string; readonly roomId: string }): RawBuilder<unknown> {
  return sql`app_id = ${c.appId} AND room_id = ${c.roomId}`;
}

/** Bumps the users' joined_count: one UPDATE, their rows locked in username order, as the repository locks them. */
function countUsers(appId: string, usernames: readonly UserId[], cap: number): RawBuilder<unknown> {
  return sql`
    UPDATE users SET joined_count = joined_count + 1
    WHERE app_id = ${appId} AND username IN (${nameList(usernames)}) ORDER BY username;
    ${overCap(appId, usernames, cap)}`;
}

/** Names in `v_user` the first of `usernames` (in the order given) whose joined_count, just bumped, is over `cap`. */
function overCap(appId: string, usernames: readonly UserId[] | RawBuilder<unknown>, cap: number): RawBuilder<unknown> {
  return sql`
    SELECT (SELECT w.username FROM ${asked(usernames)}
      JOIN users u ON u.app_id = ${appId} AND u.username = w.username
      WHERE u.joined_count > ${cap} ORDER BY w.ord LIMIT 1) INTO v_user;`;
}

/** The mutes' upsert (each user once, at their last place) or, for `expiresAt` 0, their removal. */
function muteChange(c: MuteCommand): RawBuilder<unknown> {
  if (c.expiresAt === 0) return liftMutes(c);
  const last = [...new Set([...c.usernames].reverse())].reverse();
  if (last.length === 0) return sql``;
  const rows = last.map((username) => sql`(${c.appId}, ${c.roomId}, ${username}, ${c.expiresAt})`);
  return sql`
    INSERT INTO mutes (app_id, room_id, username, expires_at) VALUES ${sql.join(rows)}
    ON DUPLICATE KEY UPDATE expires_at = VALUES(expires_at), seq = NEXT VALUE FOR mute_seq;`;
}

/** The users' mutes deleted. */
function liftMutes(c: UnmuteCommand | MuteCommand): RawBuilder<unknown> {
  return sql`DELETE FROM mutes WHERE ${inRoom(c)} AND username IN (${nameList(c.usernames)});`;
}
