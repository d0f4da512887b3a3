import { UnavailableError } from '../../errors/domain-error.js';
import type { Dependencies } from '../dependencies.js';

export interface SealReport {
  /** Apps whose clear token key was sealed by this run. */
  readonly sealed: number;
  /** Apps whose sealed key opens under this master key. */
  readonly checked: number;
}

/**
 * Run at every start (service and admin CLI), before anything is signed:
 * - a token key still in clear (a store from before sealing) is sealed in place: the key itself
 *   does not change, so every token it signed stays valid;
 * - every sealed key must open under this master key. One that does not means the wrong
 *   TOKEN_MASTER_KEY, or a copy of the store without its key: refused, nothing is signed.
 */
export class SealAppKeys {
  constructor(private readonly deps: Pick<Dependencies, 'uow' | 'sealer'>) {}

  async execute(): Promise<SealReport> {
    const { sealer } = this.deps;
    const apps = await this.deps.uow.read((r) => r.apps.list());
    let sealed = 0;
    const unopened: string[] = [];
    for (const app of apps) {
      if (!sealer.isSealed(app.tokenKey)) {
        const done = await this.deps.uow.write(async (r) => {
          const current = await r.apps.findByNameForUpdate(app.org, app.name);
          if (!current || sealer.isSealed(current.tokenKey)) return false; // another instance was first
          return r.apps.update({ ...current, tokenKey: await sealer.seal(current.tokenKey) });
        });
        if (done) sealed++;
      } else if ((await sealer.unseal(app.tokenKey)) === null) {
        unopened.push(`${app.org}/${app.name}`);
      }
    }
    if (unopened.length > 0) {
      const some = unopened.slice(0, 3).join(', ') + (unopened.length > 3 ? ', …' : '');
      throw new UnavailableError(
        `TOKEN_MASTER_KEY does not open the token keys stored for ${unopened.length} app(s) (${some}): ` +
          'it is not the master key they were sealed with.',
      );
    }
    return { sealed, checked: apps.length - sealed };
  }
}
