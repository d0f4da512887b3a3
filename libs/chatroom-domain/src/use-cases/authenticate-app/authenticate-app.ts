import { errors } from '../../errors/error-catalogue.js';
import type { App } from '../../model/app.js';
import type { Dependencies } from '../dependencies.js';

const BEARER = /^Bearer (\S+)$/;

/** Checks the `Authorization` header of a request against the app it addresses. */
export class AuthenticateApp {
  constructor(private readonly deps: Pick<Dependencies, 'tokens' | 'clock'>) {}

  async execute(app: App, authorization: string | undefined): Promise<void> {
    const match = authorization ? BEARER.exec(authorization) : null;
    if (!match) throw errors.missingToken();
    const nowSeconds = Math.floor(this.deps.clock.now() / 1000);
    const check = await this.deps.tokens.verify(match[1]!, app.tokenKey, nowSeconds);
    if (!check.ok) throw check.reason === 'expired' ? errors.expiredToken() : errors.badToken();
    if (check.claims.appId !== app.id) throw errors.badToken();
  }
}
