import type { App } from '../../model/app.js';
import { roomEvents } from '../../model/room-event.js';
import { parseUserId, type UserId } from '../../model/user-id.js';
import type { Dependencies } from '../dependencies.js';
import { doneOrThrow } from '../room-commands/refusal-errors.js';

/** `DELETE /chatrooms/{id}/admin/{oldadmin}`: the admin stays as an ordinary member. */
export class DemoteAdmin {
  constructor(private readonly deps: Pick<Dependencies, 'uow'>) {}

  async execute(app: App, roomId: string, rawUsername: string): Promise<UserId> {
    const username = parseUserId(rawUsername);
    const [changed] = roomEvents.admins(app, roomId, [username], 'REMOVE');
    doneOrThrow(
      await this.deps.uow.commands.demoteAdmin({ appId: app.id, roomId, username, changed: changed! }),
      roomId,
    );
    return username;
  }
}
