import type { App } from '../../model/app.js';
import { pageWindow, SUPER_ADMINS_PAGESIZE_DEFAULT, type PageInput } from '../../model/paging.js';
import type { UserId } from '../../model/user-id.js';
import type { Dependencies } from '../dependencies.js';

/** `GET /chatrooms/super_admin`: `pagenum` default 1, `pagesize` default 10 (≤ 1000). */
export class ListSuperAdmins {
  constructor(private readonly deps: Pick<Dependencies, 'uow'>) {}

  async execute(app: App, input: PageInput): Promise<UserId[]> {
    const { offset, limit } = pageWindow(input, SUPER_ADMINS_PAGESIZE_DEFAULT);
    return this.deps.uow.read((r) => r.superAdmins.listPage(app.id, offset, limit));
  }
}
