import { errors } from '../../errors/error-catalogue.js';
import type { App } from '../../model/app.js';
import type { Dependencies } from '../dependencies.js';

const BEARER = /^Bearer (\S+)$/;

/** Checks the `Authorization` header of a request against the app it addresses. */
export class AuthenticateApp {
  constructor(private readonly deps: Pick<Dependencies, 'tokens' | 'clock' | 'sealer'>) {}

  async execute(app: App, authorization: string | undefined): Promise<void> {
    const match = authorization ? BEARER.exec(authorization) : null;
    if (!match) throw errors.missingToken();
    const nowSeconds = Math.floor(this.deps.clock.now() / 1000);
    // A key that does not open (a store copied without its master key) accepts nothing.
    const key = await this.deps.sealer.unseal(app.tokenKey);
    if (key === null) throw errors.badToken();
    const check = await this.deps.tokens.verify(match[1]!, key, nowSeconds);
    if (!check.ok) throw check.reason === 'expired' ? errors.expiredToken() : errors.badToken();
    // Revoked: issued under an earlier generation (rotate-secret, revoke-tokens).
    if (check.claims.appId !== app.id || check.claims.generation !== app.keyGeneration) throw errors.badToken();
  }
}
