import { errors } from '../../errors/error-catalogue.js';
import { DEFAULT_APP_SETTINGS, type App, type AppSettings } from '../../model/app.js';
import {
  checkAppNames,
  mergeAppSettings,
  newClientId,
  newSealedTokenKey,
  type AppCredentials,
} from '../app-admin/app-admin.js';
import type { Dependencies } from '../dependencies.js';

export interface CreateAppInput {
  readonly org: string;
  readonly name: string;
  /** Over the defaults. */
  readonly settings?: Partial<AppSettings>;
}

export interface CreatedApp {
  readonly app: App;
  readonly credentials: AppCredentials;
}

/** `apps create`: a new tenant with fresh credentials; an existing org/app is refused, unchanged. */
export class CreateApp {
  constructor(private readonly deps: Pick<Dependencies, 'uow' | 'secretHasher' | 'sealer' | 'random' | 'clock'>) {}

  async execute(input: CreateAppInput): Promise<CreatedApp> {
    checkAppNames(input.org, input.name);
    const settings = mergeAppSettings(DEFAULT_APP_SETTINGS, input.settings);
    const clientId = newClientId(this.deps.random);
    const clientSecret = this.deps.random.secret();
    const app: App = {
      id: this.deps.random.uuid(),
      org: input.org,
      name: input.name,
      clientId,
      clientSecretHash: await this.deps.secretHasher.hash(clientSecret),
      tokenKey: await newSealedTokenKey(this.deps),
      keyGeneration: 0,
      settings,
      created: this.deps.clock.now(),
    };
    const created = await this.deps.uow.write((r) => r.apps.insert(app));
    if (!created) throw errors.appAlreadyExists(input.org, input.name);
    return { app, credentials: { org: app.org, name: app.name, clientId, clientSecret } };
  }
}
