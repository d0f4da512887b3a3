import { errors } from '../../errors/error-catalogue.js';
import type { App } from '../../model/app.js';
import { assertTransferable } from '../../model/chatroom.js';
import { parseUserId } from '../../model/user-id.js';
import type { Dependencies } from '../dependencies.js';

/** `PUT /chatrooms/{id}` with `newowner`: the old owner stays as an ordinary member. */
export class TransferChatroom {
  constructor(private readonly deps: Pick<Dependencies, 'uow'>) {}

  async execute(app: App, roomId: string, rawNewOwner: string): Promise<void> {
    const newOwner = parseUserId(rawNewOwner);
    await this.deps.uow.write(async (r) => {
      const room = await r.chatrooms.findByIdForUpdate(app.id, roomId);
      if (!room) throw errors.chatroomNotFound(roomId);
      if (!(await r.users.findByUsername(app.id, newOwner))) throw errors.userNotFound(newOwner);
      assertTransferable(room, newOwner, await r.memberships.roleOf(app.id, roomId, newOwner));
      await r.memberships.transferOwnership(app.id, roomId, room.owner, newOwner);
    });
  }
}
