import { errors } from '../../errors/error-catalogue.js';
import { roomEvents } from '../../model/room-event.js';
import type { App } from '../../model/app.js';
import { assertBatch } from '../../model/room-moderation.js';
import { parseUserId, parseUserIds, type UserId } from '../../model/user-id.js';
import type { Dependencies } from '../dependencies.js';
import { leaveRoom } from '../leave-room.js';
import { lockRoom, memberTargets, requireUsers, succeeded, type UserResult } from '../room-guards.js';

/** Blocking takes a member out of the room (as leaving does) and keeps them out. */
export class BlockUsers {
  constructor(private readonly deps: Pick<Dependencies, 'uow'>) {}

  /** `POST /chatrooms/{id}/blocks/users/{username}`: every problem is an error. */
  async one(app: App, roomId: string, rawUsername: string): Promise<UserId> {
    const username = parseUserId(rawUsername);
    return this.deps.uow.write(async (r) => {
      const room = await lockRoom(r, app, roomId);
      await requireUsers(r, app, [username]);
      if (username === room.owner) throw errors.blockOwner(roomId);
      const { removed, memberCount } = await leaveRoom(r, app.id, roomId, [username]);
      if (removed.length === 0) throw errors.notMembers([username]);
      await r.roomUserLists.add(app.id, roomId, 'blocklist', [username]);
      // E20 then E11, as the reference orders them.
      r.events.append(
        ...roomEvents.blocked(app, roomId, [username]),
        ...roomEvents.left(app, roomId, removed, 'BLOCK', memberCount),
      );
      return username;
    });
  }

  /** `POST /chatrooms/{id}/blocks/users` (≤ 60): unknown users, non-members and the owner fail alone. */
  async many(app: App, roomId: string, rawUsernames: readonly string[]): Promise<UserResult[]> {
    assertBatch('block', rawUsernames);
    const usernames = parseUserIds(rawUsernames);
    return this.deps.uow.write(async (r) => {
      const room = await lockRoom(r, app, roomId);
      const results = await memberTargets(r, app, room, usernames, errors.blockOwner(roomId).message);
      const blocked = succeeded(results);
      const { removed, memberCount } = await leaveRoom(r, app.id, roomId, blocked);
      await r.roomUserLists.add(app.id, roomId, 'blocklist', blocked);
      r.events.append(
        ...roomEvents.blocked(app, roomId, blocked),
        ...roomEvents.left(app, roomId, removed, 'BLOCK', memberCount),
      );
      return results;
    });
  }
}
