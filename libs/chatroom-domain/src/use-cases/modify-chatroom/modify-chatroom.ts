import { errors } from '../../errors/error-catalogue.js';
import { roomEvents } from '../../model/room-event.js';
import type { App } from '../../model/app.js';
import { assertDescription, assertMaxUsers, assertName } from '../../model/chatroom.js';
import type { ChatroomPatch } from '../../ports/chatroom-repository.js';
import type { Dependencies } from '../dependencies.js';
import { doneOrThrow } from '../room-commands/refusal-errors.js';

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

    // One command: the store checks maxusers against the members the room has when it writes.
    const fields: ModifyChatroomInput = {
      ...(patch.name !== undefined && { name: patch.name }),
      ...(patch.description !== undefined && { description: patch.description }),
      ...(patch.maxUsers !== undefined && { maxUsers: patch.maxUsers }),
    };
    const updated = roomEvents.infoUpdated(app, roomId);
    doneOrThrow(await this.deps.uow.commands.modifyRoom({ appId: app.id, roomId, patch: fields, updated }), roomId, {
      ...(patch.maxUsers !== undefined && { maxUsers: patch.maxUsers }),
    });
    return {
      ...(patch.name !== undefined && { name: true }),
      ...(patch.description !== undefined && { description: true }),
      ...(patch.maxUsers !== undefined && { maxUsers: true }),
    };
  }
}
