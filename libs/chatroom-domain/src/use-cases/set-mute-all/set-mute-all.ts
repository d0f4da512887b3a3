import type { App } from '../../model/app.js';
import { roomEvents } from '../../model/room-event.js';
import type { Dependencies } from '../dependencies.js';
import { lockRoom } from '../room-guards.js';

/** `POST /chatrooms/{id}/ban` (on) and `DELETE …/ban` (off): a room flag, not a mute list entry. */
export class SetMuteAll {
  constructor(private readonly deps: Pick<Dependencies, 'uow'>) {}

  async execute(app: App, roomId: string, muteAll: boolean): Promise<boolean> {
    await this.deps.uow.write(async (r) => {
      await lockRoom(r, app, roomId);
      await r.chatrooms.update(app.id, roomId, { muteAll });
      r.events.append(roomEvents.muteAll(app, roomId, muteAll));
    });
    return muteAll;
  }
}
