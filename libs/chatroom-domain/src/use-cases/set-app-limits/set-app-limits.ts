import type { AppSettings } from '../../model/app.js';
import { appView, lockApp, mergeAppSettings, type AppView } from '../app-admin/app-admin.js';
import type { Dependencies } from '../dependencies.js';

/**
 * `apps set-limits`: changes the given settings, keeps the others. Every instance applies them
 * once its app cache lets go of the old ones (5 s).
 */
export class SetAppLimits {
  constructor(private readonly deps: Pick<Dependencies, 'uow'>) {}

  async execute(org: string, name: string, changes: Partial<AppSettings>): Promise<AppView> {
    return this.deps.uow.write(async (r) => {
      const current = await lockApp(r, org, name);
      const next = { ...current, settings: mergeAppSettings(current.settings, changes) };
      await r.apps.update(next);
      return appView(next);
    });
  }
}
