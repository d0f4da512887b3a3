import { errors } from '../../errors/error-catalogue.js';
import { roomEvents } from '../../model/room-event.js';
import type { App } from '../../model/app.js';
import { assertDescription, assertMaxUsers, assertName, fitsMaxUsers } from '../../model/chatroom.js';
import type { ChatroomPatch } from '../../ports/chatroom-repository.js';
import type { Dependencies } from '../dependencies.js';
import { lockRoom } from '../room-guards.js';

/** The only fields a modify may touch (the announcement and mute-all have their own use cases). */
export type ModifyChatroomInput = Pick<ChatroomPatch, 'name' | 'description' | 'maxUsers'>;

/** Which fields the modify changed, in the domain's names (the HTTP layer words them for the wire). */
export interface ModifyChatroomResult {
  readonly name?: true;
  readonly description?: true;
  readonly maxUsers?: true;
}

/** `PUT /chatrooms/{id}` without `newowner`: any non-empty subset of name, description, maxusers. */
export class ModifyChatroom {
  constructor(private readonly deps: Pick<Dependencies, 'uow'>) {}

  async execute(app: App, roomId: string, patch: ModifyChatroomInput): Promise<ModifyChatroomResult> {
    if (patch.name === undefined && patch.description === undefined && patch.maxUsers === undefined) {
      throw errors.invalidParameter('request body must contain name, description or maxusers');
    }
    if (patch.name !== undefined) assertName(patch.name);
    if (patch.description !== undefined) assertDescription(patch.description);
    if (patch.maxUsers !== undefined) assertMaxUsers(patch.maxUsers, app.settings);

    await this.deps.uow.write(async (r) => {
      // Locked so that no member can join between the check and the update.
      const room = await lockRoom(r, app, roomId);
      if (patch.maxUsers !== undefined && !fitsMaxUsers(room.memberCount, patch.maxUsers)) {
        throw errors.maxUsersBelowMemberCount(patch.maxUsers, room.memberCount);
      }
      await r.chatrooms.update(app.id, roomId, patch);
      r.events.append(roomEvents.updated(app, { ...room, ...patch }));
    });
    return {
      ...(patch.name !== undefined && { name: true }),
      ...(patch.description !== undefined && { description: true }),
      ...(patch.maxUsers !== undefined && { maxUsers: true }),
    };
  }
}
