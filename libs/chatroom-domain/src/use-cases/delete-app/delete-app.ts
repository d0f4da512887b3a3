import { errors } from '../../errors/error-catalogue.js';
import { lockApp } from '../app-admin/app-admin.js';
import type { Dependencies } from '../dependencies.js';

/** `apps delete`: the app and all of its data (users, rooms and everything in them), in one unit. */
export class DeleteApp {
  constructor(private readonly deps: Pick<Dependencies, 'uow'>) {}

  async execute(org: string, name: string): Promise<{ readonly id: string }> {
    return this.deps.uow.write(async (r) => {
      const app = await lockApp(r, org, name);
      if (!(await r.apps.delete(app.id))) throw errors.unknownApp(org, name);
      return { id: app.id };
    });
  }
}
