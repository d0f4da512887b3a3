import { errors } from '../../errors/error-catalogue.js';
import { roomEvents } from '../../model/room-event.js';
import type { App } from '../../model/app.js';
import { assertBatch } from '../../model/room-moderation.js';
import { parseUserId, parseUserIds, type UserId } from '../../model/user-id.js';
import type { Dependencies } from '../dependencies.js';
import { leaveRoom } from '../leave-room.js';
import { lockRoom, memberTargets, succeeded, type UserResult } from '../room-guards.js';
import { doneOrThrow } from '../room-commands/refusal-errors.js';

/** `DELETE /chatrooms/{id}/users/{username}` (one) and `/{u1,u2,…}` (a batch, per-user results). */
export class RemoveMembers {
  constructor(private readonly deps: Pick<Dependencies, 'uow'>) {}

  /** One user: every problem is an error. */
  async one(app: App, roomId: string, rawUsername: string): Promise<UserId> {
    const username = parseUserId(rawUsername);
    const left = roomEvents.left(app, roomId, [username], 'KICK', undefined)[0]!;
    doneOrThrow(await this.deps.uow.commands.removeMember({ appId: app.id, roomId, username, left }), roomId);
    return username;
  }

  /** A batch (≤ 60): non-members, unknown users and the owner fail alone; the others leave. */
  async many(app: App, roomId: string, rawUsernames: readonly string[]): Promise<UserResult[]> {
    assertBatch('removeMembers', rawUsernames);
    const usernames = parseUserIds(rawUsernames);
    return this.deps.uow.write(async (r) => {
      const room = await lockRoom(r, app, roomId);
      const results = await memberTargets(r, app, room, usernames, errors.removeOwner(roomId).message, 'group');
      const { removed, memberCount } = await leaveRoom(r, app.id, roomId, succeeded(results));
      r.events.append(...roomEvents.left(app, roomId, removed, 'KICK', memberCount));
      return results;
    });
  }
}
