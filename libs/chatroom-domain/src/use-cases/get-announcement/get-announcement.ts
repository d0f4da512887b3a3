import { errors } from '../../errors/error-catalogue.js';
import type { App } from '../../model/app.js';
import type { Dependencies } from '../dependencies.js';

export class GetAnnouncement {
  constructor(private readonly deps: Pick<Dependencies, 'uow'>) {}

  async execute(app: App, roomId: string): Promise<string> {
    const announcement = await this.deps.uow.read((r) => r.chatrooms.announcement(app.id, roomId));
    if (announcement === null) throw errors.chatroomNotFound(roomId);
    return announcement;
  }
}
