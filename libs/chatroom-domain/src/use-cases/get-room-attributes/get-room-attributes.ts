import type { App } from '../../model/app.js';
import type { Dependencies } from '../dependencies.js';
import { errors } from '../../errors/error-catalogue.js';

/** `POST /metadata/chatroom/{id}`: all attributes, or those among `keys`. */
export class GetRoomAttributes {
  constructor(private readonly deps: Pick<Dependencies, 'uow'>) {}

  async execute(app: App, roomId: string, keys?: readonly string[]): Promise<Record<string, string>> {
    return this.deps.uow.read(async (r) => {
      if (!(await r.chatrooms.findById(app.id, roomId))) throw errors.chatroomNotFound(roomId);
      const attributes = await r.roomAttributes.list(app.id, roomId, keys);
      return Object.fromEntries(attributes.map((a) => [a.key, a.value]));
    });
  }
}
