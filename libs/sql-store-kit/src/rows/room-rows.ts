import type { Chatroom, ChatroomPatch, UserId } from '@chatroom/domain';
import type { Kysely, Selectable, Updateable } from 'kysely';
import type { RoomsTable, SharedDatabase } from '../schema/shared-tables.js';

// Not the announcement: only its own endpoint reads it, and details of 100 rooms need not carry 100 of them.
export const ROOM_COLUMNS = [
  'app_id',
  'id',
  'seq',
  'name',
  'description',
  'max_users',
  'owner',
  'custom',
  'created',
  'mute_all',
  'member_count',
] as const;

export type RoomRow = Pick<Selectable<RoomsTable>, (typeof ROOM_COLUMNS)[number]>;

export function toChatroom(row: RoomRow): Chatroom {
  return {
    appId: row.app_id,
    id: row.id,
    seq: row.seq,
    name: row.name,
    description: row.description,
    maxUsers: row.max_users,
    owner: row.owner as UserId,
    custom: row.custom,
    created: row.created,
    muteAll: row.mute_all,
    memberCount: row.member_count,
  };
}

/** The columns a patch changes; empty when it changes none. */
export function roomPatchColumns(patch: ChatroomPatch): Updateable<RoomsTable> {
  return {
    ...(patch.name !== undefined && { name: patch.name }),
    ...(patch.description !== undefined && { description: patch.description }),
    ...(patch.maxUsers !== undefined && { max_users: patch.maxUsers }),
    ...(patch.muteAll !== undefined && { mute_all: patch.muteAll }),
    ...(patch.announcement !== undefined && { announcement: patch.announcement }),
  };
}

export async function readAnnouncement(db: Kysely<SharedDatabase>, appId: string, id: string): Promise<string | null> {
  const row = await db
    .selectFrom('rooms')
    .select('announcement')
    .where('app_id', '=', appId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row?.announcement ?? null;
}
