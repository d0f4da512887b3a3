import type { App } from '../../model/app.js';
import { roomEvents } from '../../model/room-event.js';
import { assertAnnouncement } from '../../model/room-moderation.js';
import type { Dependencies } from '../dependencies.js';
import { doneOrThrow } from '../room-commands/refusal-errors.js';

/** `POST /chatrooms/{id}/announcement`: ≤ 512 characters; an empty string clears it. */
export class SetAnnouncement {
  constructor(private readonly deps: Pick<Dependencies, 'uow'>) {}

  async execute(app: App, roomId: string, announcement: string): Promise<void> {
    assertAnnouncement(announcement);
    const updated = roomEvents.announcement(app, roomId, announcement);
    doneOrThrow(
      await this.deps.uow.commands.updateRoom({ appId: app.id, roomId, patch: { announcement }, updated }),
      roomId,
    );
  }
}
