import type { App } from '../../model/app.js';
import { roomEvents } from '../../model/room-event.js';
import { assertBatch, type BatchKind } from '../../model/room-moderation.js';
import { parseUserIds } from '../../model/user-id.js';
import type { RoomUserList } from '../../ports/room-user-list-repository.js';
import type { Dependencies } from '../dependencies.js';
import { doneOrThrow } from '../room-commands/refusal-errors.js';
import type { UserResult } from '../room-guards.js';

const BATCH: Record<RoomUserList, BatchKind> = { blocklist: 'unblock', allowlist: 'disallow' };

/**
 * `DELETE /chatrooms/{id}/blocks/users/{u…}` and `DELETE /chatrooms/{id}/white/users/{u…}`:
 * someone not on the list is a per-user `result: false`, never an error.
 */
export class RemoveFromRoomUserList {
  constructor(private readonly deps: Pick<Dependencies, 'uow'>) {}

  async execute(app: App, roomId: string, list: RoomUserList, rawUsernames: readonly string[]): Promise<UserResult[]> {
    assertBatch(BATCH[list], rawUsernames);
    const usernames = parseUserIds(rawUsernames);
    // The event names the users asked; the store names those it took off.
    const event = roomEvents.listRemoved(app, roomId, list, usernames)[0]!;
    const outcome = await this.deps.uow.commands.removeFromList({
      appId: app.id,
      roomId,
      list,
      usernames,
      removed: event,
    });
    const removed = new Set(doneOrThrow(outcome, roomId).removed);
    return usernames.map((username) =>
      removed.has(username)
        ? { username, ok: true }
        : { username, ok: false, reason: `user ${username} is not in the ${list} of chatroom ${roomId}` },
    );
  }
}
