import type { App } from '../../model/app.js';
import { roomEvents } from '../../model/room-event.js';
import { parseUserId, type UserId } from '../../model/user-id.js';
import type { Dependencies } from '../dependencies.js';
import { doneOrThrow } from '../room-commands/refusal-errors.js';

/** `DELETE /chatrooms/super_admin/{username}`: removing a user who is not one succeeds too. */
export class RemoveSuperAdmin {
  constructor(private readonly deps: Pick<Dependencies, 'uow'>) {}

  async execute(app: App, rawUsername: string): Promise<UserId> {
    const username = parseUserId(rawUsername);
    const changed = roomEvents.superAdmin(app, username, 'REMOVE');
    const outcome = await this.deps.uow.commands.setSuperAdmin({ appId: app.id, username, change: 'REMOVE', changed });
    doneOrThrow(outcome, '');
    return username;
  }
}
