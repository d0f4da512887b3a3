import type { App } from '../../model/app.js';
import { roomEvents } from '../../model/room-event.js';
import { parseUserId, type UserId } from '../../model/user-id.js';
import type { Dependencies } from '../dependencies.js';
import { doneOrThrow } from '../room-commands/refusal-errors.js';

/** `POST /chatrooms/super_admin`: adding one twice succeeds. */
export class AddSuperAdmin {
  constructor(private readonly deps: Pick<Dependencies, 'uow'>) {}

  async execute(app: App, rawUsername: string): Promise<UserId> {
    const username = parseUserId(rawUsername);
    const changed = roomEvents.superAdmin(app, username, 'ADD');
    const outcome = await this.deps.uow.commands.setSuperAdmin({ appId: app.id, username, change: 'ADD', changed });
    doneOrThrow(outcome, '');
    return username;
  }
}
