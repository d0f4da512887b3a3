import type { App } from '../../model/app.js';
import { roomEvents } from '../../model/room-event.js';
import { assertBatch } from '../../model/room-moderation.js';
import { parseUserIds, type UserId } from '../../model/user-id.js';
import type { Dependencies } from '../dependencies.js';
import { doneOrThrow } from '../room-commands/refusal-errors.js';

/** `DELETE /chatrooms/{id}/mute/{u1,u2,…}`: lifting a mute nobody had succeeds too. */
export class UnmuteMembers {
  constructor(private readonly deps: Pick<Dependencies, 'uow'>) {}

  async execute(app: App, roomId: string, rawUsernames: readonly string[]): Promise<UserId[]> {
    assertBatch('unmute', rawUsernames);
    const usernames = parseUserIds(rawUsernames);
    const [unmuted] = roomEvents.unmuted(app, roomId, usernames);
    doneOrThrow(await this.deps.uow.commands.unmute({ appId: app.id, roomId, usernames, unmuted: unmuted! }), roomId);
    return usernames;
  }
}
