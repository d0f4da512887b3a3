import type { App } from '../../model/app.js';
import { roomEvents } from '../../model/room-event.js';
import { assertBatch } from '../../model/room-moderation.js';
import { parseUserId, parseUserIds, type UserId } from '../../model/user-id.js';
import type { Dependencies } from '../dependencies.js';
import { lockRoom, memberTargets, requireMembers, requireUsers, succeeded, type UserResult } from '../room-guards.js';

/** The allowlist holds explicit entries of members only. */
export class AllowUsers {
  constructor(private readonly deps: Pick<Dependencies, 'uow'>) {}

  /** `POST /chatrooms/{id}/white/users/{username}`: every problem is an error. */
  async one(app: App, roomId: string, rawUsername: string): Promise<UserId> {
    const username = parseUserId(rawUsername);
    return this.deps.uow.write(async (r) => {
      await lockRoom(r, app, roomId);
      await requireUsers(r, app, [username]);
      await requireMembers(r, app, roomId, [username]);
      await r.roomUserLists.add(app.id, roomId, 'allowlist', [username]);
      r.events.append(...roomEvents.allowed(app, roomId, [username]));
      return username;
    });
  }

  /** `POST /chatrooms/{id}/white/users` (≤ 60): unknown users and non-members fail alone. */
  async many(app: App, roomId: string, rawUsernames: readonly string[]): Promise<UserResult[]> {
    assertBatch('allow', rawUsernames);
    const usernames = parseUserIds(rawUsernames);
    return this.deps.uow.write(async (r) => {
      const room = await lockRoom(r, app, roomId);
      const results = await memberTargets(r, app, room, usernames);
      const allowed = succeeded(results);
      await r.roomUserLists.add(app.id, roomId, 'allowlist', allowed);
      r.events.append(...roomEvents.allowed(app, roomId, allowed));
      return results;
    });
  }
}
