import { errors } from '../../errors/error-catalogue.js';
import { roomEvents } from '../../model/room-event.js';
import type { App } from '../../model/app.js';
import { assertBatch } from '../../model/room-moderation.js';
import { parseUserId, parseUserIds, type UserId } from '../../model/user-id.js';
import type { BlockCommand } from '../../ports/list-commands.js';
import type { Dependencies } from '../dependencies.js';
import { targetResults } from '../list-targets.js';
import { doneOrThrow } from '../room-commands/refusal-errors.js';
import type { UserResult } from '../room-guards.js';

/** Blocking takes a member out of the room (as leaving does) and keeps them out. */
export class BlockUsers {
  constructor(private readonly deps: Pick<Dependencies, 'uow'>) {}

  /** `POST /chatrooms/{id}/blocks/users/{username}`: every problem is an error. */
  async one(app: App, roomId: string, rawUsername: string): Promise<UserId> {
    const username = parseUserId(rawUsername);
    const outcome = await this.deps.uow.commands.block(blockCommand(app, roomId, [username], true));
    doneOrThrow(outcome, roomId, { owner: () => errors.blockOwner(roomId) });
    return username;
  }

  /** `POST /chatrooms/{id}/blocks/users` (≤ 60): unknown users, non-members and the owner fail alone. */
  async many(app: App, roomId: string, rawUsernames: readonly string[]): Promise<UserResult[]> {
    assertBatch('block', rawUsernames);
    const usernames = parseUserIds(rawUsernames);
    const { statuses } = doneOrThrow(
      await this.deps.uow.commands.block(blockCommand(app, roomId, usernames, false)),
      roomId,
    );
    return targetResults(roomId, usernames, statuses, errors.blockOwner(roomId).message);
  }
}

/** The events name the users asked; the store names those blocked and those who left. */
function blockCommand(app: App, roomId: string, usernames: UserId[], allOrNothing: boolean): BlockCommand {
  return {
    appId: app.id,
    roomId,
    usernames,
    allOrNothing,
    blocked: roomEvents.blocked(app, roomId, usernames)[0]!,
    left: roomEvents.left(app, roomId, usernames, 'BLOCK', undefined)[0]!,
  };
}
