import { errors } from '../../errors/error-catalogue.js';
import type { App } from '../../model/app.js';
import type { Dependencies } from '../dependencies.js';

/** `DELETE /chatrooms/{id}`: the room and everything of it, in one unit of work. */
export class DissolveChatroom {
  constructor(private readonly deps: Pick<Dependencies, 'uow'>) {}

  async execute(app: App, roomId: string): Promise<{ id: string }> {
    await this.deps.uow.write(async (r) => {
      if (!(await r.chatrooms.delete(app.id, roomId))) throw errors.chatroomNotFound(roomId);
    });
    return { id: roomId };
  }
}
