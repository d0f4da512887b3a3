import { errors } from '../../errors/error-catalogue.js';
import { roomEvents } from '../../model/room-event.js';
import type { App } from '../../model/app.js';
import { ADMINS_MAX } from '../../model/room-moderation.js';
import { parseUserId, type UserId } from '../../model/user-id.js';
import type { Dependencies } from '../dependencies.js';
import { lockRoom, requireMembers, requireUsers } from '../room-guards.js';

/** `POST /chatrooms/{id}/admin`: a member becomes an admin; at most 99 per room. */
export class PromoteAdmin {
  constructor(private readonly deps: Pick<Dependencies, 'uow'>) {}

  async execute(app: App, roomId: string, rawUsername: string): Promise<UserId> {
    const username = parseUserId(rawUsername);
    return this.deps.uow.write(async (r) => {
      await lockRoom(r, app, roomId); // counts admins against the cap without a race
      await requireUsers(r, app, [username]);
      const role = (await requireMembers(r, app, roomId, [username])).get(username);
      if (role === 'owner') throw errors.ownerCannotBeAdmin(roomId);
      if (role === 'admin') return username;
      if ((await r.memberships.admins(app.id, roomId)).length >= ADMINS_MAX) {
        throw errors.adminLimitReached(roomId, ADMINS_MAX);
      }
      await r.memberships.setRole(app.id, roomId, username, 'admin');
      r.events.append(...roomEvents.admins(app, roomId, [username], 'ADD'));
      return username;
    });
  }
}
