import type { App } from '../../model/app.js';
import { roomEvents } from '../../model/room-event.js';
import { assertAnnouncement } from '../../model/room-moderation.js';
import type { Dependencies } from '../dependencies.js';
import { lockRoom } from '../room-guards.js';

/** `POST /chatrooms/{id}/announcement`: ≤ 512 characters; an empty string clears it. */
export class SetAnnouncement {
  constructor(private readonly deps: Pick<Dependencies, 'uow'>) {}

  async execute(app: App, roomId: string, announcement: string): Promise<void> {
    assertAnnouncement(announcement);
    await this.deps.uow.write(async (r) => {
      await lockRoom(r, app, roomId);
      await r.chatrooms.update(app.id, roomId, { announcement });
      r.events.append(roomEvents.announcement(app, roomId, announcement));
    });
  }
}
