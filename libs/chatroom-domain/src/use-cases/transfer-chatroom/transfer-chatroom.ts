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
      // The store tries, and answers whether the new owner is a member (no separate look under
      // the room lock); the domain's rule then decides. A refusal of the rule throws, which rolls
      // back whatever the store did (nothing, for a non-member; a no-op, for the owner).
      const outcome = await r.memberships.transferOwnership(app.id, roomId, room.owner, newOwner);
      assertTransferable(room, newOwner, outcome === 'transferred' ? 'member' : null);
      r.events.append(roomEvents.transferred(app, roomId, room.owner, newOwner));
    });
  }
}
