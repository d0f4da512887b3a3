import { errors } from '../../errors/error-catalogue.js';
import { DEFAULT_APP_SETTINGS, type App, type AppSettings } from '../../model/app.js';
import { checkAppNames, mergeAppSettings, newSealedTokenKey } from '../app-admin/app-admin.js';
import type { Dependencies } from '../dependencies.js';

export interface EnsureAppInput {
  readonly org: string;
  readonly name: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly settings?: Partial<AppSettings>;
}

/**
 * Makes sure an app exists with these credentials and settings (the operator's bootstrap
 * app). Idempotent: running it again with the same input changes nothing, and changed
 * credentials or settings replace the stored ones while the app keeps its id and token key.
 */
export class EnsureApp {
  constructor(private readonly deps: Pick<Dependencies, 'uow' | 'secretHasher' | 'sealer' | 'random' | 'clock'>) {}

  async execute(input: EnsureAppInput): Promise<App> {
    checkAppNames(input.org, input.name);
    if (!input.clientId || !input.clientSecret) {
      throw errors.invalidParameter('client id and client secret must be provided');
    }
    const settings = mergeAppSettings(DEFAULT_APP_SETTINGS, input.settings);
    const existing = await this.deps.uow.read((r) => r.apps.findByName(input.org, input.name));
    if (
      existing &&
      existing.clientId === input.clientId &&
      sameSettings(existing.settings, settings) &&
      (await this.deps.secretHasher.verify(input.clientSecret, existing.clientSecretHash))
    ) {
      return existing;
    }
    const clientSecretHash = await this.deps.secretHasher.hash(input.clientSecret);
    const tokenKey = await newSealedTokenKey(this.deps);
    return this.deps.uow.write((r) =>
      r.apps.upsert({
        id: this.deps.random.uuid(),
        org: input.org,
        name: input.name,
        clientId: input.clientId,
        clientSecretHash,
        tokenKey,
        keyGeneration: 0,
        settings,
        created: this.deps.clock.now(),
      }),
    );
  }
}

function sameSettings(a: AppSettings, b: AppSettings): boolean {
  return (Object.keys(b) as (keyof AppSettings)[]).every((k) => JSON.stringify(a[k]) === JSON.stringify(b[k]));
}
