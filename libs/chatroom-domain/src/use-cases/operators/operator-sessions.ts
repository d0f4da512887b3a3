import type { Operator } from '../../model/operator.js';
import type { Dependencies } from '../dependencies.js';
import type { OperatorDependencies } from './operator-accounts.js';

/** Operator tokens carry this before the name where app tokens carry the app id. */
const SUBJECT_PREFIX = 'operator:';

export interface OperatorTokenPolicy {
  /** The key operator tokens are signed with; app tokens are signed with each app's own key. */
  readonly key: string;
  readonly ttlSeconds: number;
}

export type SignInOutcome =
  | { readonly ok: true; readonly operator: Operator; readonly accessToken: string; readonly expiresIn: number }
  | { readonly ok: false };

export type OperatorCheck =
  | { readonly ok: true; readonly operator: Operator }
  | { readonly ok: false; readonly reason: 'missing' | 'invalid' };

type SessionDependencies = OperatorDependencies & Pick<Dependencies, 'tokens'>;

/** Name and password → a signed operator token (for scripts, and inside the console's cookie). */
export class SignInOperator {
  constructor(
    private readonly deps: SessionDependencies,
    private readonly policy: OperatorTokenPolicy,
  ) {}

  async execute(name: string, password: string): Promise<SignInOutcome> {
    const operator = await this.deps.operators.find(name);
    // An unknown name costs one hash too, so timing does not tell which names exist.
    const matches = operator
      ? await this.deps.secretHasher.verify(password, operator.passwordHash)
      : (await this.deps.secretHasher.hash(password), false);
    if (!operator || !matches) return { ok: false };
    const issuedAt = Math.floor(this.deps.clock.now() / 1000);
    const accessToken = await this.deps.tokens.sign(
      {
        appId: `${SUBJECT_PREFIX}${operator.name}`,
        generation: operator.generation,
        issuedAt,
        expiresAt: issuedAt + this.policy.ttlSeconds,
      },
      this.policy.key,
    );
    return { ok: true, operator, accessToken, expiresIn: this.policy.ttlSeconds };
  }
}

/**
 * An operator token → the operator it names, as stored now: a removed operator, a reset
 * password (a new generation) or an expired token is refused; an app token never verifies
 * under the operator key.
 */
export class AuthenticateOperator {
  constructor(
    private readonly deps: Pick<SessionDependencies, 'operators' | 'tokens' | 'clock'>,
    private readonly policy: Pick<OperatorTokenPolicy, 'key'>,
  ) {}

  async execute(token: string | undefined): Promise<OperatorCheck> {
    if (!token) return { ok: false, reason: 'missing' };
    const check = await this.deps.tokens.verify(token, this.policy.key, Math.floor(this.deps.clock.now() / 1000));
    if (!check.ok || !check.claims.appId.startsWith(SUBJECT_PREFIX)) return { ok: false, reason: 'invalid' };
    const operator = await this.deps.operators.find(check.claims.appId.slice(SUBJECT_PREFIX.length));
    if (!operator || operator.generation !== check.claims.generation) return { ok: false, reason: 'invalid' };
    return { ok: true, operator };
  }
}
