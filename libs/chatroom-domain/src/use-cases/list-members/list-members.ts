import { errors } from '../../errors/error-catalogue.js';
import type { App } from '../../model/app.js';
import type { Affiliation } from '../../model/chatroom.js';
import { clampPositiveInt, PAGESIZE_MAX } from '../../model/paging.js';
import { MEMBERS_PAGESIZE_DEFAULT } from '../../model/room-moderation.js';
import type { Dependencies } from '../dependencies.js';

export interface PageInput {
  readonly pagenum?: number;
  readonly pagesize?: number;
}

/** `GET /chatrooms/{id}/users`: the owner first, then members in join order, page by page. */
export class ListMembers {
  constructor(private readonly deps: Pick<Dependencies, 'uow'>) {}

  async execute(app: App, roomId: string, input: PageInput): Promise<Affiliation[]> {
    const pagesize = clampPositiveInt('pagesize', input.pagesize, MEMBERS_PAGESIZE_DEFAULT, PAGESIZE_MAX);
    const pagenum = clampPositiveInt('pagenum', input.pagenum, 1, Number.MAX_SAFE_INTEGER);
    return this.deps.uow.read(async (r) => {
      if (!(await r.chatrooms.findById(app.id, roomId))) throw errors.chatroomsNotFound(roomId);
      return r.memberships.listPage(app.id, roomId, (pagenum - 1) * pagesize, pagesize);
    });
  }
}
