import type { App } from '../../model/app.js';
import type { UserId } from '../../model/user-id.js';
import type { RoomUserList } from '../../ports/room-user-list-repository.js';
import type { Dependencies } from '../dependencies.js';
import { requireRoom } from '../room-guards.js';

/** `GET /chatrooms/{id}/blocks/users` and `GET /chatrooms/{id}/white/users`. */
export class ListRoomUsers {
  constructor(private readonly deps: Pick<Dependencies, 'uow'>) {}

  async execute(app: App, roomId: string, list: RoomUserList): Promise<UserId[]> {
    return this.deps.uow.read(async (r) => {
      await requireRoom(r, app, roomId);
      return r.roomUserLists.list(app.id, roomId, list);
    });
  }
}
