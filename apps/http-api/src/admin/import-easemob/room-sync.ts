import { DomainError, UnavailableError, type UserResult } from '@chatroom/domain';
import type { SourceSnapshot } from './easemob-source.js';
import type { ImportTarget } from './import-target.js';

export interface RoomSyncResult {
  readonly outcome: 'imported' | 'changed' | 'unchanged' | 'refused';
  /** What the target refused, one sentence each; empty unless refused. */
  readonly reasons: readonly string[];
}

/** The target room as the sync compares it. */
export interface TargetRoom {
  name: string;
  description: string;
  maxUsers: number;
  owner: string;
  muteAll: boolean;
  /** Members other than the owner, in join order. */
  members: string[];
  admins: string[];
}

/** What the importer knows of the target before it syncs a room (read once for the room's group). */
export interface SyncContext {
  /** Users that exist in the target already: not imported again. */
  readonly users: ReadonlySet<string>;
  /**
   * The target room (null: the target has none); absent when not read, for a room no run has
   * recorded: it is created straight away, and compared only if the target has it after all.
   */
  readonly room?: TargetRoom | null;
}

const USERS_PER_UNIT = 1000;

/**
 * Makes the target room match the source snapshot, through the target's use cases: creates
 * it (with the source's id, owner, creation time, custom field and members in the source's
 * order) or changes only what differs. Anything the target refuses is kept as a reason, and
 * the rest of the room still goes on, so that one bad entry does not hide the others.
 */
export async function syncRoom(t: ImportTarget, s: SourceSnapshot, context: SyncContext): Promise<RoomSyncResult> {
  const reasons: string[] = [];
  let writes = 0;
  const attempt = async (work: () => Promise<unknown>) => {
    try {
      const result = await work();
      writes++;
      if (Array.isArray(result))
        for (const r of result as UserResult[]) if (r && r.ok === false) reasons.push(`${r.username}: ${r.reason}`);
      return true;
    } catch (error) {
      if (!isRefusal(error)) throw error;
      reasons.push(error.message);
      return false;
    }
  };
  const users = unique([
    s.owner,
    ...s.members,
    ...s.admins,
    ...s.mutes.map((m) => m.user),
    ...s.blocks,
    ...s.allowlist,
  ]).filter((u) => !context.users.has(u));
  for (const chunk of chunks(users, USERS_PER_UNIT)) await attempt(() => t.importUsers.execute(t.app, chunk));
  const userWrites = writes;

  let room = context.room === undefined ? undefined : context.room;
  let created = false;
  if (!room) {
    try {
      await t.createChatroom.execute(t.creatingApp, {
        roomId: s.id,
        name: s.name,
        description: s.description,
        owner: s.owner,
        maxUsers: s.maxusers,
        custom: s.custom,
        created: s.created,
        ...(s.members.length > 0 && { members: s.members }),
      });
      created = true;
      room = {
        name: s.name,
        description: s.description,
        maxUsers: s.maxusers,
        owner: s.owner,
        muteAll: false,
        members: [...s.members],
        admins: [],
      };
    } catch (error) {
      if (!isRefusal(error)) throw error;
      // Not read beforehand and there after all (a run stopped between the room and its record).
      const there = context.room === undefined && error.code === 'ChatroomIdTaken' ? await targetRoom(t, s.id) : null;
      if (there === null) {
        reasons.push(error.message);
        return { outcome: 'refused', reasons };
      }
      room = there;
    }
  }
  const membersChanged = created ? false : await syncFieldsAndMembers(t, s, room, attempt);
  await syncLists(t, s, room, created, membersChanged, attempt);
  if (reasons.length > 0) return { outcome: 'refused', reasons };
  return { outcome: created ? 'imported' : writes > userWrites ? 'changed' : 'unchanged', reasons };
}

/**
 * The target saying no to this room (a rule, a limit, a name): reported, and the import goes on.
 * Not an outage: the database unreachable or timing out fails the run (it resumes when run again).
 */
export function isRefusal(error: unknown): error is DomainError {
  return error instanceof DomainError && !(error instanceof UnavailableError);
}

type Attempt = (work: () => Promise<unknown>) => Promise<boolean>;

/** Returns whether any member came or went (the admins read beforehand may be stale then). */
async function syncFieldsAndMembers(
  t: ImportTarget,
  s: SourceSnapshot,
  room: TargetRoom,
  attempt: Attempt,
): Promise<boolean> {
  const { app } = t;
  const patch = {
    ...(room.name !== s.name && { name: s.name }),
    ...(room.description !== s.description && { description: s.description }),
  };
  // A larger cap first (room for the additions), a smaller one last (after the removals).
  const grow = s.maxusers > room.maxUsers ? { maxUsers: s.maxusers } : {};
  if (Object.keys({ ...patch, ...grow }).length > 0)
    await attempt(() => t.modifyChatroom.execute(app, s.id, { ...patch, ...grow }));

  const wanted = new Set([s.owner, ...s.members]);
  const present = new Set(room.members);
  const extra = room.members.filter((m) => !wanted.has(m) && m !== room.owner);
  for (const chunk of chunks(extra, 60)) await attempt(() => t.removeMembers.many(app, s.id, chunk));
  // Unblocked in the source since: off the blocklist before they are added back.
  const blocked = await t.listRoomUsers.execute(app, s.id, 'blocklist');
  const sourceBlocks = new Set(s.blocks);
  const unblock = blocked.filter((u) => !sourceBlocks.has(u));
  for (const chunk of chunks(unblock, 60))
    await attempt(() => t.removeFromRoomUserList.execute(app, s.id, 'blocklist', chunk));
  const missing = [s.owner, ...s.members].filter((m) => !present.has(m) && m !== room.owner);
  for (const chunk of chunks(missing, 100)) await attempt(() => t.addMembers.execute(app, s.id, chunk));
  if (room.owner !== s.owner) {
    await attempt(() => t.transferChatroom.execute(app, s.id, s.owner));
    if (!wanted.has(room.owner)) await attempt(() => t.removeMembers.many(app, s.id, [room.owner]));
  }
  if (s.maxusers < room.maxUsers) await attempt(() => t.modifyChatroom.execute(app, s.id, { maxUsers: s.maxusers }));
  const changed = extra.length > 0 || unblock.length > 0 || missing.length > 0 || room.owner !== s.owner;
  room.owner = s.owner;
  return changed;
}

/** A room created just now has empty lists: nothing to read back. */
const EMPTY_LISTS = [[], [], [], [], '', {}] as const;

async function syncLists(
  t: ImportTarget,
  s: SourceSnapshot,
  room: TargetRoom,
  created: boolean,
  membersChanged: boolean,
  attempt: Attempt,
): Promise<void> {
  const { app } = t;
  const [admins, mutes, blocks, allow, announcement, attributes] = created
    ? EMPTY_LISTS
    : await Promise.all([
        membersChanged ? t.listAdmins.execute(app, s.id) : room.admins,
        t.listMutes.execute(app, s.id),
        t.listRoomUsers.execute(app, s.id, 'blocklist'),
        t.listRoomUsers.execute(app, s.id, 'allowlist'),
        t.getAnnouncement.execute(app, s.id),
        t.getRoomAttributes.execute(app, s.id),
      ]);

  const [promote, demote] = difference(s.admins, admins);
  for (const u of demote) await attempt(() => t.demoteAdmin.execute(app, s.id, u));
  for (const u of promote) await attempt(() => t.promoteAdmin.execute(app, s.id, u));

  if (room.muteAll !== s.mute) await attempt(() => t.setMuteAll.execute(app, s.id, s.mute));
  const muted = new Map<string, number>(mutes.map((m) => [m.username, m.expiresAt]));
  const byEnd = new Map<number, string[]>();
  for (const m of s.mutes)
    if (muted.get(m.user) !== m.expire) byEnd.set(m.expire, [...(byEnd.get(m.expire) ?? []), m.user]);
  for (const [end, users] of byEnd) {
    // A permanent mute is -1 on both wires; any other end is kept as the source gave it.
    for (const chunk of chunks(users, 100))
      await attempt(() => t.muteMembers.execute(app, s.id, chunk, end === -1 ? -1 : 1, end === -1 ? undefined : end));
  }
  const sourceMuted = new Set(s.mutes.map((m) => m.user));
  const unmute = mutes.map((m) => m.username as string).filter((u) => !sourceMuted.has(u));
  for (const chunk of chunks(unmute, 60)) await attempt(() => t.unmuteMembers.execute(app, s.id, chunk));

  // Our blocklist takes members only (blocking takes them out): each is added, then blocked.
  const [block, unblock] = difference(s.blocks, blocks);
  for (const chunk of chunks(unblock, 60))
    await attempt(() => t.removeFromRoomUserList.execute(app, s.id, 'blocklist', chunk));
  for (const chunk of chunks(block, 60)) {
    await attempt(() => t.addMembers.execute(app, s.id, chunk));
    await attempt(() => t.blockUsers.many(app, s.id, chunk));
  }
  const [allowed, disallowed] = difference(s.allowlist, allow);
  for (const chunk of chunks(disallowed, 60))
    await attempt(() => t.removeFromRoomUserList.execute(app, s.id, 'allowlist', chunk));
  for (const chunk of chunks(allowed, 60)) await attempt(() => t.allowUsers.many(app, s.id, chunk));

  if (announcement !== s.announcement) await attempt(() => t.setAnnouncement.execute(app, s.id, s.announcement));

  // The source does not say who set an attribute: the room's owner holds them, kept when they leave.
  const changedKeys = Object.entries(s.attributes).filter(([k, v]) => (attributes as Record<string, string>)[k] !== v);
  for (const chunk of chunks(changedKeys, 10)) {
    await attempt(() =>
      t.setRoomAttributes.execute(app, s.id, s.owner, {
        metaData: Object.fromEntries(chunk),
        autoDelete: 'NO_DELETE',
        forced: true,
      }),
    );
  }
  const goneKeys = Object.keys(attributes as Record<string, string>).filter((k) => !Object.hasOwn(s.attributes, k));
  for (const chunk of chunks(goneKeys, 10))
    await attempt(() => t.deleteRoomAttributes.execute(app, s.id, s.owner, chunk, true));
}

/** The room as the target has it, or null when it has no such room. */
export async function targetRoom(t: ImportTarget, id: string): Promise<TargetRoom | null> {
  return (await targetRooms(t, [id])).get(id) ?? null;
}

/**
 * The rooms as the target has them (null for those it has not), in one details read when the
 * target has them all, else room by room.
 */
export async function targetRooms(t: ImportTarget, ids: readonly string[]): Promise<Map<string, TargetRoom | null>> {
  const found = new Map<string, TargetRoom | null>();
  if (ids.length === 0) return found;
  try {
    for (const { room, affiliations } of await t.getChatroomDetails.execute(t.app, ids)) {
      found.set(room.id, {
        name: room.name,
        description: room.description,
        maxUsers: room.maxUsers,
        owner: room.owner,
        muteAll: room.muteAll,
        members: affiliations.filter((a) => a.role !== 'owner').map((a) => a.username),
        admins: affiliations.filter((a) => a.role === 'admin').map((a) => a.username),
      });
    }
    return found;
  } catch (error) {
    // One room missing (or too many members for one read) fails the read: each on its own then.
    if (!isRefusal(error) || ids.length === 1) {
      if (error instanceof DomainError && error.code === 'ChatroomsNotFound') return found.set(ids[0]!, null);
      throw error;
    }
    for (const id of ids) found.set(id, (await targetRooms(t, [id])).get(id) ?? null);
    return found;
  }
}

/** [in `wanted` but not in `have`, in `have` but not in `wanted`], in their lists' order. */
function difference(wanted: readonly string[], have: readonly string[]): [string[], string[]] {
  const w = new Set(wanted);
  const h = new Set(have);
  return [wanted.filter((u) => !h.has(u)), have.filter((u) => !w.has(u))];
}

export function unique(items: readonly string[]): string[] {
  return [...new Set(items)];
}

export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
