import type { App } from '../../model/app.js';
import { roomEvents } from '../../model/room-event.js';
import { parseUserId, type UserId } from '../../model/user-id.js';
import type { Dependencies } from '../dependencies.js';
import { requireUsers } from '../room-guards.js';

/** `DELETE /chatrooms/super_admin/{username}`: removing a user who is not one succeeds too. */
export class RemoveSuperAdmin {
  constructor(private readonly deps: Pick<Dependencies, 'uow'>) {}

  async execute(app: App, rawUsername: string): Promise<UserId> {
    const username = parseUserId(rawUsername);
    return this.deps.uow.write(async (r) => {
      await requireUsers(r, app, [username]);
      await r.superAdmins.remove(app.id, username);
      r.events.append(roomEvents.superAdmin(app, username, 'REMOVE'));
      return username;
    });
  }
}
