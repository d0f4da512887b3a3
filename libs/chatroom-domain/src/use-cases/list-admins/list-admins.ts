import type { App } from '../../model/app.js';
import type { UserId } from '../../model/user-id.js';
import type { Dependencies } from '../dependencies.js';
import { requireRoom } from '../room-guards.js';

export class ListAdmins {
  constructor(private readonly deps: Pick<Dependencies, 'uow'>) {}

  async execute(app: App, roomId: string): Promise<UserId[]> {
    return this.deps.uow.read(async (r) => {
      await requireRoom(r, app, roomId);
      return r.memberships.admins(app.id, roomId);
    });
  }
}
