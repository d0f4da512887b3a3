import { errors } from '../../errors/error-catalogue.js';
import type { App } from '../../model/app.js';
import { assertTransferable } from '../../model/chatroom.js';
import { parseUserId } from '../../model/user-id.js';
import type { Dependencies } from '../dependencies.js';
import { lockRoom, requireUsers } from '../room-guards.js';

/** `PUT /chatrooms/{id}` with `newowner`: the old owner stays as an ordinary member. */
export class TransferChatroom {
  constructor(private readonly deps: Pick<Dependencies, 'uow'>) {}

  async execute(app: App, roomId: string, rawNewOwner: string): Promise<void> {
    const newOwner = parseUserId(rawNewOwner);
    await this.deps.uow.write(async (r) => {
      const room = await lockRoom(r, app, roomId);
      await requireUsers(r, app, [newOwner]);
      assertTransferable(room, newOwner, await r.memberships.roleOf(app.id, roomId, newOwner));
      // assertTransferable has just seen a member under the room lock, so 'not-member' means
      // the store changed under the lock: answer as for a non-member, nothing was changed.
      const outcome = await r.memberships.transferOwnership(app.id, roomId, room.owner, newOwner);
      if (outcome === 'not-member') throw errors.notMembers([newOwner]);
    });
  }
}
