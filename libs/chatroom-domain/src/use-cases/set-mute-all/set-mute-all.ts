import type { App } from '../../model/app.js';
import { roomEvents } from '../../model/room-event.js';
import type { Dependencies } from '../dependencies.js';
import { doneOrThrow } from '../room-commands/refusal-errors.js';

/** `POST /chatrooms/{id}/ban` (on) and `DELETE …/ban` (off): a room flag, not a mute list entry. */
export class SetMuteAll {
  constructor(private readonly deps: Pick<Dependencies, 'uow'>) {}

  async execute(app: App, roomId: string, muteAll: boolean): Promise<boolean> {
    const updated = roomEvents.muteAll(app, roomId, muteAll);
    doneOrThrow(
      await this.deps.uow.commands.updateRoom({ appId: app.id, roomId, patch: { muteAll }, updated }),
      roomId,
    );
    return muteAll;
  }
}
