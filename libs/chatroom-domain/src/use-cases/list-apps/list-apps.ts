import { appView, type AppView } from '../app-admin/app-admin.js';
import type { Dependencies } from '../dependencies.js';

/** `apps list`: every app, by org then name, without secrets. */
export class ListApps {
  constructor(private readonly deps: Pick<Dependencies, 'uow'>) {}

  async execute(): Promise<AppView[]> {
    return (await this.deps.uow.read((r) => r.apps.list())).map(appView);
  }
}
