import { errors } from '../../errors/error-catalogue.js';
import { roomEvents } from '../../model/room-event.js';
import type { App } from '../../model/app.js';
import { parseUserId, type UserId } from '../../model/user-id.js';
import type { Dependencies } from '../dependencies.js';
import { lockRoom, requireUsers } from '../room-guards.js';

/** `DELETE /chatrooms/{id}/admin/{oldadmin}`: the admin stays as an ordinary member. */
export class DemoteAdmin {
  constructor(private readonly deps: Pick<Dependencies, 'uow'>) {}

  async execute(app: App, roomId: string, rawUsername: string): Promise<UserId> {
    const username = parseUserId(rawUsername);
    return this.deps.uow.write(async (r) => {
      await lockRoom(r, app, roomId);
      await requireUsers(r, app, [username]);
      if ((await r.memberships.roleOf(app.id, roomId, username)) !== 'admin') {
        throw errors.notAdmin(username, roomId);
      }
      await r.memberships.setRole(app.id, roomId, username, 'member');
      r.events.append(...roomEvents.admins(app, roomId, [username], 'REMOVE'));
      return username;
    });
  }
}
