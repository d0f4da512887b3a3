import { roomEvents } from '../../model/room-event.js';
import type { App } from '../../model/app.js';
import type { UserId } from '../../model/user-id.js';
import type { Dependencies } from '../dependencies.js';
import { doneOrThrow } from '../room-commands/refusal-errors.js';

/** `DELETE /chatrooms/{id}`: the room and everything of it, in one unit. */
export class DissolveChatroom {
  constructor(private readonly deps: Pick<Dependencies, 'uow'>) {}

  async execute(app: App, roomId: string): Promise<{ id: string }> {
    // The members are known to the store only: it fills the LEAVE's `member`.
    const [gone, left] = roomEvents.dissolved(app, roomId, ['' as UserId]);
    doneOrThrow(await this.deps.uow.commands.dissolve({ appId: app.id, roomId, dissolved: [gone!, left!] }), roomId);
    return { id: roomId };
  }
}
