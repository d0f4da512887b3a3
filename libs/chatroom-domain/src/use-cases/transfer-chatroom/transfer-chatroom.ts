import type { App } from '../../model/app.js';
import { roomEvents } from '../../model/room-event.js';
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
      await r.memberships.transferOwnership(app.id, roomId, room.owner, newOwner);
      r.events.append(roomEvents.transferred(app, roomId, room.owner, newOwner));
    });
  }
}
