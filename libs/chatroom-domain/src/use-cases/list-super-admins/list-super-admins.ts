import type { App } from '../../model/app.js';
import { clampPositiveInt, PAGESIZE_MAX } from '../../model/paging.js';
import { SUPER_ADMINS_PAGESIZE_DEFAULT } from '../../model/room-moderation.js';
import type { UserId } from '../../model/user-id.js';
import type { Dependencies } from '../dependencies.js';
import type { PageInput } from '../list-members/list-members.js';

/** `GET /chatrooms/super_admin`: `pagenum` default 1, `pagesize` default 10 (≤ 1000). */
export class ListSuperAdmins {
  constructor(private readonly deps: Pick<Dependencies, 'uow'>) {}

  async execute(app: App, input: PageInput): Promise<UserId[]> {
    const pagesize = clampPositiveInt('pagesize', input.pagesize, SUPER_ADMINS_PAGESIZE_DEFAULT, PAGESIZE_MAX);
    const pagenum = clampPositiveInt('pagenum', input.pagenum, 1, Number.MAX_SAFE_INTEGER);
    return this.deps.uow.read((r) => r.superAdmins.listPage(app.id, (pagenum - 1) * pagesize, pagesize));
  }
}
