import { errors } from '../../errors/error-catalogue.js';
import type { App } from '../../model/app.js';
import type { UserId } from '../../model/user-id.js';
import type { Dependencies } from '../dependencies.js';

export class ListAdmins {
  constructor(private readonly deps: Pick<Dependencies, 'uow'>) {}

  async execute(app: App, roomId: string): Promise<UserId[]> {
    return this.deps.uow.read(async (r) => {
      if (!(await r.chatrooms.findById(app.id, roomId))) throw errors.chatroomNotFound(roomId);
      return r.memberships.admins(app.id, roomId);
    });
  }
}
