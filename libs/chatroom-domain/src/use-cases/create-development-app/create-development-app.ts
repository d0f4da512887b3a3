import type { App, AppSettings } from '../../model/app.js';
import { newClientId } from '../app-admin/app-admin.js';
import type { Dependencies } from '../dependencies.js';
import { EnsureApp } from '../ensure-app/ensure-app.js';

export interface DevelopmentApp {
  readonly app: App;
  /** Shown once: only its hash is stored. */
  readonly clientSecret: string;
}

/**
 * For a first start with nothing configured: when the store holds no app at all, creates
 * one (`dev/app`) with fresh credentials so a newcomer can try the API at once.
 */
export class CreateDevelopmentApp {
  constructor(private readonly deps: Pick<Dependencies, 'uow' | 'secretHasher' | 'sealer' | 'random' | 'clock'>) {}

  async execute(settings?: Partial<AppSettings>): Promise<DevelopmentApp | null> {
    if ((await this.deps.uow.read((r) => r.apps.count())) > 0) return null;
    const clientId = newClientId(this.deps.random);
    const clientSecret = this.deps.random.secret();
    const app = await new EnsureApp(this.deps).execute({
      org: 'dev',
      name: 'app',
      clientId,
      clientSecret,
      ...(settings ? { settings } : {}),
    });
    return { app, clientSecret };
  }
}
