import { errors } from '../../errors/error-catalogue.js';
import type { AppUsage } from '../../ports/app-repository.js';
import { appView, type AppView } from '../app-admin/app-admin.js';
import type { Dependencies } from '../dependencies.js';

export interface AppDetails extends AppView {
  readonly usage: AppUsage;
}

/** `apps show`: one app's settings and counts, without secrets. */
export class ShowApp {
  constructor(private readonly deps: Pick<Dependencies, 'uow'>) {}

  async execute(org: string, name: string): Promise<AppDetails> {
    return this.deps.uow.read(async (r) => {
      const app = await r.apps.findByName(org, name);
      if (!app) throw errors.unknownApp(org, name);
      return { ...appView(app), usage: await r.apps.usage(app.id) };
    });
  }
}
