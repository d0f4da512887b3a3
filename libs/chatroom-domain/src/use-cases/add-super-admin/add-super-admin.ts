import type { App } from '../../model/app.js';
import { roomEvents } from '../../model/room-event.js';
import { parseUserId, type UserId } from '../../model/user-id.js';
import type { Dependencies } from '../dependencies.js';
import { requireUsers } from '../room-guards.js';

/** `POST /chatrooms/super_admin`: adding one twice succeeds. */
export class AddSuperAdmin {
  constructor(private readonly deps: Pick<Dependencies, 'uow'>) {}

  async execute(app: App, rawUsername: string): Promise<UserId> {
    const username = parseUserId(rawUsername);
    return this.deps.uow.write(async (r) => {
      await requireUsers(r, app, [username]);
      await r.superAdmins.add(app.id, username);
      r.events.append(roomEvents.superAdmin(app, username, 'ADD'));
      return username;
    });
  }
}
