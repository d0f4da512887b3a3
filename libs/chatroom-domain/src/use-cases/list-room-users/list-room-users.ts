import { errors } from '../../errors/error-catalogue.js';
import type { App } from '../../model/app.js';
import type { UserId } from '../../model/user-id.js';
import type { RoomUserList } from '../../ports/room-user-list-repository.js';
import type { Dependencies } from '../dependencies.js';

/** `GET /chatrooms/{id}/blocks/users` and `GET /chatrooms/{id}/white/users`. */
export class ListRoomUsers {
  constructor(private readonly deps: Pick<Dependencies, 'uow'>) {}

  async execute(app: App, roomId: string, list: RoomUserList): Promise<UserId[]> {
    return this.deps.uow.read(async (r) => {
      if (!(await r.chatrooms.findById(app.id, roomId))) throw errors.chatroomNotFound(roomId);
      return r.roomUserLists.list(app.id, roomId, list);
    });
  }
}
