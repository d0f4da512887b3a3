import { errors } from '../../errors/error-catalogue.js';
import type { App } from '../../model/app.js';
import { assertBatch } from '../../model/room-moderation.js';
import { parseUserIds, type UserId } from '../../model/user-id.js';
import type { Dependencies } from '../dependencies.js';
import { requireUsers } from '../room-guards.js';

/**
 * `POST /chatrooms/{id}/users[/{username}]`: all or nothing. Users already in the room count
 * as added. Returns every requested user (all are members afterwards).
 */
export class AddMembers {
  constructor(private readonly deps: Pick<Dependencies, 'uow'>) {}

  async execute(app: App, roomId: string, rawUsernames: readonly string[]): Promise<UserId[]> {
    assertBatch('addMembers', rawUsernames);
    const usernames = parseUserIds(rawUsernames);
    return this.deps.uow.write(async (r) => {
      if (!(await r.chatrooms.findById(app.id, roomId))) throw errors.chatroomNotFound(roomId);
      await requireUsers(r, app, usernames);
      const outcome = await r.memberships.add(app.id, roomId, usernames, 'member', app.settings.joinedRoomCap);
      if (!outcome.ok) {
        throw outcome.reason === 'user-cap'
          ? errors.joinCapExceeded(outcome.username)
          : errors.membersExceedMaxUsers();
      }
      if (outcome.added.length < usernames.length) {
        // The others should be members already; if not, the room was dissolved meanwhile.
        const roles = await r.memberships.rolesOf(app.id, roomId, usernames);
        if (roles.size < usernames.length) throw errors.chatroomNotFound(roomId);
      }
      // Checked after `add`, which holds the room once it added anyone: a block committed
      // meanwhile is seen here (and an existing member cannot be blocked at the same time).
      const [blocked] = await r.roomUserLists.filter(app.id, roomId, 'blocklist', usernames);
      if (blocked !== undefined) throw errors.userBlocked(blocked, roomId);
      return usernames;
    });
  }
}
