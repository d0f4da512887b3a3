import { errors } from '../../errors/error-catalogue.js';
import { DEFAULT_APP_SETTINGS, type App, type AppSettings } from '../../model/app.js';
import type { Dependencies } from '../dependencies.js';

export interface EnsureAppInput {
  readonly org: string;
  readonly name: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly settings?: Partial<AppSettings>;
}

const APP_NAME = /^[A-Za-z0-9_.-]{1,64}$/;

/**
 * Makes sure an app exists with these credentials and settings (the operator's bootstrap
 * app). Idempotent: running it again with the same input changes nothing, and changed
 * credentials or settings replace the stored ones while the app keeps its id and token key.
 */
export class EnsureApp {
  constructor(private readonly deps: Pick<Dependencies, 'uow' | 'hasher' | 'random' | 'clock'>) {}

  async execute(input: EnsureAppInput): Promise<App> {
    for (const [field, value] of [['org', input.org], ['app', input.name]] as const) {
      if (!APP_NAME.test(value)) {
        throw errors.invalidParameter(`${field} must be 1 to 64 characters of A-Z a-z 0-9 _ . -`);
      }
    }
    if (!input.clientId || !input.clientSecret) {
      throw errors.invalidParameter('client id and client secret must be provided');
    }
    const settings = { ...DEFAULT_APP_SETTINGS, ...input.settings };
    const existing = await this.deps.uow.read((r) => r.apps.findByName(input.org, input.name));
    if (
      existing &&
      existing.clientId === input.clientId &&
      sameSettings(existing.settings, settings) &&
      (await this.deps.hasher.verify(input.clientSecret, existing.clientSecretHash))
    ) {
      return existing;
    }
    const clientSecretHash = await this.deps.hasher.hash(input.clientSecret);
    return this.deps.uow.write((r) =>
      r.apps.upsert({
        id: this.deps.random.uuid(),
        org: input.org,
        name: input.name,
        clientId: input.clientId,
        clientSecretHash,
        tokenKey: this.deps.random.secret(),
        settings,
        created: this.deps.clock.now(),
      }),
    );
  }
}

function sameSettings(a: AppSettings, b: AppSettings): boolean {
  return (Object.keys(b) as (keyof AppSettings)[]).every((k) => a[k] === b[k]);
}
