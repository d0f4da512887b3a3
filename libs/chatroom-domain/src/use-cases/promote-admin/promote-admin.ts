import type { App } from '../../model/app.js';
import { roomEvents } from '../../model/room-event.js';
import { ADMINS_MAX } from '../../model/room-moderation.js';
import { parseUserId, type UserId } from '../../model/user-id.js';
import type { Dependencies } from '../dependencies.js';
import { doneOrThrow } from '../room-commands/refusal-errors.js';

/** `POST /chatrooms/{id}/admin`: a member becomes an admin; at most 99 per room. */
export class PromoteAdmin {
  constructor(private readonly deps: Pick<Dependencies, 'uow'>) {}

  async execute(app: App, roomId: string, rawUsername: string): Promise<UserId> {
    const username = parseUserId(rawUsername);
    const [changed] = roomEvents.admins(app, roomId, [username], 'ADD');
    const command = { appId: app.id, roomId, username, maxAdmins: ADMINS_MAX, changed: changed! };
    doneOrThrow(await this.deps.uow.commands.promoteAdmin(command), roomId);
    return username;
  }
}
