import { errors } from '../../errors/error-catalogue.js';
import { roomEvents } from '../../model/room-event.js';
import type { App } from '../../model/app.js';
import type { Dependencies } from '../dependencies.js';
import { lockRoom } from '../room-guards.js';

/** `DELETE /chatrooms/{id}`: the room and everything of it, in one unit of work. */
export class DissolveChatroom {
  constructor(private readonly deps: Pick<Dependencies, 'uow'>) {}

  async execute(app: App, roomId: string): Promise<{ id: string }> {
    await this.deps.uow.write(async (r) => {
      // Locked first, so the members read are the ones the room has when it goes (E12 lists them).
      await lockRoom(r, app, roomId);
      const members = ((await r.memberships.affiliations(app.id, [roomId])).get(roomId) ?? []).map((a) => a.username);
      if (!(await r.chatrooms.delete(app.id, roomId))) throw errors.chatroomNotFound(roomId);
      r.events.append(...roomEvents.dissolved(app, roomId, members));
    });
    return { id: roomId };
  }
}
