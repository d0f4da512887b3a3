import type { App } from '../../model/app.js';
import { roomEvents } from '../../model/room-event.js';
import { assertBatch } from '../../model/room-moderation.js';
import { parseUserId, parseUserIds, type UserId } from '../../model/user-id.js';
import type { AllowCommand } from '../../ports/list-commands.js';
import type { Dependencies } from '../dependencies.js';
import { targetResults } from '../list-targets.js';
import { doneOrThrow } from '../room-commands/refusal-errors.js';
import type { UserResult } from '../room-guards.js';

/** The allowlist holds explicit entries of members only. */
export class AllowUsers {
  constructor(private readonly deps: Pick<Dependencies, 'uow'>) {}

  /** `POST /chatrooms/{id}/white/users/{username}`: every problem is an error. */
  async one(app: App, roomId: string, rawUsername: string): Promise<UserId> {
    const username = parseUserId(rawUsername);
    doneOrThrow(await this.deps.uow.commands.allow(allowCommand(app, roomId, [username], true)), roomId);
    return username;
  }

  /** `POST /chatrooms/{id}/white/users` (≤ 60): unknown users and non-members fail alone. */
  async many(app: App, roomId: string, rawUsernames: readonly string[]): Promise<UserResult[]> {
    assertBatch('allow', rawUsernames);
    const usernames = parseUserIds(rawUsernames);
    const { statuses } = doneOrThrow(
      await this.deps.uow.commands.allow(allowCommand(app, roomId, usernames, false)),
      roomId,
    );
    return targetResults(roomId, usernames, statuses);
  }
}

/** The event names the users asked; the store names those allowed. */
function allowCommand(app: App, roomId: string, usernames: UserId[], allOrNothing: boolean): AllowCommand {
  return { appId: app.id, roomId, usernames, allOrNothing, allowed: roomEvents.allowed(app, roomId, usernames)[0]! };
}
