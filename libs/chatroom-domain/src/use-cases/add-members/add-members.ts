import { roomEvents } from '../../model/room-event.js';
import type { App } from '../../model/app.js';
import { assertBatch } from '../../model/room-moderation.js';
import { parseUserIds, type UserId } from '../../model/user-id.js';
import type { Dependencies } from '../dependencies.js';
import { doneOrThrow } from '../room-commands/refusal-errors.js';

/**
 * `POST /chatrooms/{id}/users[/{username}]`: all or nothing. Users already in the room count
 * as added. Returns every requested user (all are members afterwards).
 */
export class AddMembers {
  constructor(private readonly deps: Pick<Dependencies, 'uow'>) {}

  async execute(app: App, roomId: string, rawUsernames: readonly string[]): Promise<UserId[]> {
    assertBatch('addMembers', rawUsernames);
    return this.addAll(app, roomId, parseUserIds(rawUsernames));
  }

  /**
   * The unit of work of `execute` for users already parsed, with no limit on their number (the
   * coalescing decorator adds several requests' users at once): all of them or none.
   */
  addAll(app: App, roomId: string, usernames: readonly UserId[]): Promise<UserId[]> {
    return this.deps.uow.commands
      .addMembers({
        appId: app.id,
        roomId,
        usernames,
        joinedRoomCap: app.settings.joinedRoomCap,
        joined: roomEvents.joined(app, roomId, usernames, undefined)[0]!,
      })
      .then((outcome) => {
        doneOrThrow(outcome, roomId);
        return [...usernames];
      });
  }
}
