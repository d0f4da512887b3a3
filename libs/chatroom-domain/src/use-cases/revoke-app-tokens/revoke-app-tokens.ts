import { lockApp, newSealedTokenKey } from '../app-admin/app-admin.js';
import type { Dependencies } from '../dependencies.js';

export interface RevokedTokens {
  readonly org: string;
  readonly name: string;
  /** The generation tokens are issued under from now on. */
  readonly keyGeneration: number;
}

/**
 * `apps revoke-tokens`: every token issued so far is refused from then on; the secret stays.
 * The key is replaced too, so that a key that leaked signs nothing that is accepted.
 */
export class RevokeAppTokens {
  constructor(private readonly deps: Pick<Dependencies, 'uow' | 'sealer' | 'random'>) {}

  async execute(org: string, name: string): Promise<RevokedTokens> {
    const tokenKey = await newSealedTokenKey(this.deps);
    return this.deps.uow.write(async (r) => {
      const current = await lockApp(r, org, name);
      const keyGeneration = current.keyGeneration + 1;
      await r.apps.update({ ...current, tokenKey, keyGeneration });
      return { org: current.org, name: current.name, keyGeneration };
    });
  }
}
