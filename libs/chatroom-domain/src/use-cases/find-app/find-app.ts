import { errors } from '../../errors/error-catalogue.js';
import type { App } from '../../model/app.js';
import type { Dependencies } from '../dependencies.js';

/** Resolves the tenant named by a request path's `{org}/{app}`. */
export class FindApp {
  constructor(private readonly deps: Pick<Dependencies, 'uow'>) {}

  async execute(org: string, name: string, path: string): Promise<App> {
    const app = await this.deps.uow.read((r) => r.apps.findByName(org, name));
    if (!app) throw errors.appNotFound(org, name, path);
    return app;
  }
}
