import { lockApp, newSealedTokenKey, type AppCredentials } from '../app-admin/app-admin.js';
import type { Dependencies } from '../dependencies.js';

/**
 * `apps rotate-secret`: a new client secret (shown once), a new token key and the next key
 * generation, so every token issued before is refused from then on.
 */
export class RotateAppSecret {
  constructor(private readonly deps: Pick<Dependencies, 'uow' | 'secretHasher' | 'sealer' | 'random'>) {}

  async execute(org: string, name: string): Promise<AppCredentials> {
    const clientSecret = this.deps.random.secret();
    const clientSecretHash = await this.deps.secretHasher.hash(clientSecret);
    const tokenKey = await newSealedTokenKey(this.deps);
    const app = await this.deps.uow.write(async (r) => {
      const current = await lockApp(r, org, name);
      const next = { ...current, clientSecretHash, tokenKey, keyGeneration: current.keyGeneration + 1 };
      await r.apps.update(next);
      return next;
    });
    return { org: app.org, name: app.name, clientId: app.clientId, clientSecret };
  }
}
