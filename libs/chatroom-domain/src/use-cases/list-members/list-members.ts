import { errors } from '../../errors/error-catalogue.js';
import type { App } from '../../model/app.js';
import type { Affiliation } from '../../model/chatroom.js';
import { PAGESIZE_DEFAULT, pageWindow, type PageInput } from '../../model/paging.js';
import type { Dependencies } from '../dependencies.js';
import { requireRoom } from '../room-guards.js';

/** `GET /chatrooms/{id}/users`: the owner first, then members in join order, page by page. */
export class ListMembers {
  constructor(private readonly deps: Pick<Dependencies, 'uow'>) {}

  async execute(app: App, roomId: string, input: PageInput): Promise<Affiliation[]> {
    const { offset, limit } = pageWindow(input, PAGESIZE_DEFAULT);
    return this.deps.uow.read(async (r) => {
      await requireRoom(r, app, roomId, errors.chatroomsNotFound);
      return r.memberships.listPage(app.id, roomId, offset, limit);
    });
  }
}
