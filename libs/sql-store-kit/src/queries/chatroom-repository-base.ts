import type { ChatroomPatch, ChatroomRepository, DissolvedRoom, UserId } from '@chatroom/domain';
import type { Kysely } from 'kysely';
import { readAnnouncement, roomPatchColumns } from '../rows/room-rows.js';
import type { SharedDatabase } from '../schema/shared-tables.js';

/**
 * The chatroom repository's methods that both SQL stores write alike. Dissolving is the store's
 * own (`deleteWhere`): how it gives the members' slots back is where the dialects part.
 */
export abstract class SqlChatroomRepositoryBase
  implements Pick<ChatroomRepository, 'announcement' | 'update' | 'delete' | 'deleteOwnedBy'>
{
  constructor(protected readonly shared: Kysely<SharedDatabase>) {}

  announcement(appId: string, id: string): Promise<string | null> {
    return readAnnouncement(this.shared, appId, id);
  }

  async update(appId: string, id: string, patch: ChatroomPatch): Promise<void> {
    const set = roomPatchColumns(patch);
    if (Object.keys(set).length === 0) return;
    await this.shared.updateTable('rooms').set(set).where('app_id', '=', appId).where('id', '=', id).execute();
  }

  async delete(appId: string, id: string): Promise<boolean> {
    return (await this.deleteWhere(appId, 'id', id)).length > 0;
  }

  deleteOwnedBy(appId: string, owner: UserId): Promise<DissolvedRoom[]> {
    return this.deleteWhere(appId, 'owner', owner);
  }

  /** Deletes the app's rooms whose `column` is `value`, with everything of theirs, in one unit. */
  protected abstract deleteWhere(appId: string, column: 'id' | 'owner', value: string): Promise<DissolvedRoom[]>;
}
