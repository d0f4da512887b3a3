import { errors } from '../../errors/error-catalogue.js';
import type { App } from '../../model/app.js';
import type { Dependencies } from '../dependencies.js';

export interface TokenPolicy {
  /** Lifetime when the request names none. */
  readonly defaultTtlSeconds: number;
  /** Longest lifetime; `ttl: 0` asks for it and larger requests are cut to it. */
  readonly maxTtlSeconds: number;
}

export const DEFAULT_TOKEN_POLICY: TokenPolicy = {
  defaultTtlSeconds: 7 * 24 * 3600,
  maxTtlSeconds: 365 * 24 * 3600,
};

export interface IssueAppTokenInput {
  readonly grantType?: string;
  readonly clientId?: string;
  readonly clientSecret?: string;
  readonly ttlSeconds?: number;
}

export interface IssuedToken {
  readonly accessToken: string;
  readonly expiresIn: number;
  readonly application: string;
}

/** `POST /{org}/{app}/token` with client credentials. */
export class IssueAppToken {
  constructor(
    private readonly deps: Pick<Dependencies, 'hasher' | 'tokens' | 'clock'>,
    private readonly policy: TokenPolicy = DEFAULT_TOKEN_POLICY,
  ) {}

  async execute(app: App, input: IssueAppTokenInput): Promise<IssuedToken> {
    if (input.grantType === undefined) throw errors.invalidParameter('grant_type must be provided');
    if (input.grantType !== 'client_credentials') throw errors.unsupportedGrantType(input.grantType);
    if (!input.clientId) throw errors.illegalArgument('client_id must be provided.');
    if (!input.clientSecret) throw errors.illegalArgument('client_secret must be provided');
    const ttl = this.lifetime(input.ttlSeconds);
    if (input.clientId !== app.clientId) throw errors.clientIdMismatch();
    if (!(await this.deps.hasher.verify(input.clientSecret, app.clientSecretHash))) {
      throw errors.clientSecretMismatch();
    }
    const issuedAt = Math.floor(this.deps.clock.now() / 1000);
    const accessToken = await this.deps.tokens.sign(
      { appId: app.id, issuedAt, expiresAt: issuedAt + ttl },
      app.tokenKey,
    );
    return { accessToken, expiresIn: ttl, application: app.id };
  }

  private lifetime(ttl: number | undefined): number {
    if (ttl === undefined) return this.policy.defaultTtlSeconds;
    if (!Number.isInteger(ttl) || ttl < 0) {
      throw errors.invalidParameter('ttl must be a non-negative integer');
    }
    if (ttl === 0) return this.policy.maxTtlSeconds;
    return Math.min(ttl, this.policy.maxTtlSeconds);
  }
}
