import { errors } from '../../errors/error-catalogue.js';
import { roomEvents } from '../../model/room-event.js';
import type { App } from '../../model/app.js';
import { assertBatch } from '../../model/room-moderation.js';
import { parseUserId, parseUserIds, type UserId } from '../../model/user-id.js';
import type { Dependencies } from '../dependencies.js';
import { targetResults } from '../list-targets.js';
import type { UserResult } from '../room-guards.js';
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
    const left = roomEvents.left(app, roomId, usernames, 'KICK', undefined)[0]!;
    const { statuses } = doneOrThrow(
      await this.deps.uow.commands.removeMembers({ appId: app.id, roomId, usernames, left }),
      roomId,
    );
    return targetResults(roomId, usernames, statuses, errors.removeOwner(roomId).message, 'group');
  }
}
