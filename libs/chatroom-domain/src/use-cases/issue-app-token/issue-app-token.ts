import { UnavailableError } from '../../errors/domain-error.js';
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

/**
 * `POST /{org}/{app}/token` with client credentials. A wrong client id and a wrong secret get
 * the same answer after the same work: a wrong id is checked against a dummy hash made with the
 * current parameters, so neither the answer nor its timing tells which part was wrong.
 */
export class IssueAppToken {
  private dummyHash: Promise<string> | undefined;

  constructor(
    private readonly deps: Pick<Dependencies, 'secretHasher' | 'tokens' | 'clock' | 'sealer' | 'random'>,
    private readonly policy: TokenPolicy = DEFAULT_TOKEN_POLICY,
  ) {}

  async execute(app: App, input: IssueAppTokenInput): Promise<IssuedToken> {
    if (input.grantType === undefined) throw errors.invalidParameter('grant_type must be provided');
    if (input.grantType !== 'client_credentials') throw errors.unsupportedGrantType(input.grantType);
    if (!input.clientId) throw errors.illegalArgument('client_id must be provided.');
    if (!input.clientSecret) throw errors.illegalArgument('client_secret must be provided');
    const ttl = this.lifetime(input.ttlSeconds);
    const idMatches = input.clientId === app.clientId;
    const hash = idMatches ? app.clientSecretHash : await this.dummy();
    const secretMatches = await this.deps.secretHasher.verify(input.clientSecret, hash);
    if (!idMatches || !secretMatches) throw errors.clientSecretMismatch();
    const key = await this.deps.sealer.unseal(app.tokenKey);
    // SealAppKeys refuses to start on such a store; this guards a key sealed elsewhere since.
    if (key === null)
      throw new UnavailableError(`the token key of ${app.org}/${app.name} does not open under this master key`);
    const issuedAt = Math.floor(this.deps.clock.now() / 1000);
    const accessToken = await this.deps.tokens.sign(
      { appId: app.id, generation: app.keyGeneration, issuedAt, expiresAt: issuedAt + ttl },
      key,
    );
    return { accessToken, expiresIn: ttl, application: app.id };
  }

  /** Made once, on first need, with the hasher's current parameters. */
  private dummy(): Promise<string> {
    this.dummyHash ??= this.deps.secretHasher.hash(this.deps.random.secret());
    return this.dummyHash;
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
