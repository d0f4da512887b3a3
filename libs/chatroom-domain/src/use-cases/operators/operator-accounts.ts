import { errors } from '../../errors/error-catalogue.js';
import { OPERATOR_NAME, OPERATOR_ROLES, type Operator, type OperatorRole } from '../../model/operator.js';
import type { OperatorStore } from '../../ports/operator-store.js';
import type { Dependencies } from '../dependencies.js';

/** Operators' passwords are hashed as app secrets are (the costlier hasher). */
export type OperatorDependencies = Pick<Dependencies, 'clock' | 'random' | 'secretHasher'> & {
  readonly operators: OperatorStore;
};

/** What an operator is shown as: never the hash. */
export interface OperatorView {
  readonly name: string;
  readonly role: OperatorRole;
  readonly mustChangePassword: boolean;
  readonly created: number;
}

export const PASSWORD_MIN_CHARS = 12;
export const PASSWORD_MAX_CHARS = 256;

export type AccountOutcome =
  | { readonly ok: true; readonly operator: OperatorView; readonly password: string }
  | { readonly ok: false; readonly reason: 'taken' | 'unknown' };

export function viewOf(operator: Operator): OperatorView {
  return {
    name: operator.name,
    role: operator.role,
    mustChangePassword: operator.mustChangePassword,
    created: operator.created,
  };
}

function checkName(name: string): void {
  if (!OPERATOR_NAME.test(name))
    throw errors.invalidParameter(`operator name ${name} is not legal: 1-64 of a-z 0-9 _ . -`);
}

function checkRole(role: string): asserts role is OperatorRole {
  if (!(OPERATOR_ROLES as readonly string[]).includes(role))
    throw errors.invalidParameter(`role must be one of ${OPERATOR_ROLES.join(', ')}`);
}

function checkPassword(password: string): void {
  const length = [...password].length;
  if (length < PASSWORD_MIN_CHARS || length > PASSWORD_MAX_CHARS) {
    throw errors.invalidParameter(`password must have ${PASSWORD_MIN_CHARS} to ${PASSWORD_MAX_CHARS} characters`);
  }
}

/**
 * `operators add`: a given password is kept; without one a random one is made and the
 * operator must change it at first sign-in.
 */
export class AddOperator {
  constructor(private readonly deps: OperatorDependencies) {}

  async execute(input: { name: string; role: string; password?: string }): Promise<AccountOutcome> {
    checkName(input.name);
    checkRole(input.role);
    if (input.password !== undefined) checkPassword(input.password);
    const password = input.password ?? this.deps.random.secret();
    const operator: Operator = {
      name: input.name,
      role: input.role,
      passwordHash: await this.deps.secretHasher.hash(password),
      generation: 0,
      mustChangePassword: input.password === undefined,
      created: this.deps.clock.now(),
    };
    if (!(await this.deps.operators.add(operator))) return { ok: false, reason: 'taken' };
    return { ok: true, operator: viewOf(operator), password };
  }
}

/** `operators reset-password`, and an operator changing their own: every session ends. */
export class SetOperatorPassword {
  constructor(private readonly deps: OperatorDependencies) {}

  async execute(input: { name: string; password?: string }): Promise<AccountOutcome> {
    if (input.password !== undefined) checkPassword(input.password);
    const password = input.password ?? this.deps.random.secret();
    const hash = await this.deps.secretHasher.hash(password);
    const changed = await this.deps.operators.setPassword(input.name, hash, input.password === undefined);
    if (!changed) return { ok: false, reason: 'unknown' };
    return { ok: true, operator: viewOf(changed), password };
  }
}

export class ListOperators {
  constructor(private readonly deps: Pick<OperatorDependencies, 'operators'>) {}

  async execute(): Promise<OperatorView[]> {
    return (await this.deps.operators.list()).map(viewOf);
  }
}

export class RemoveOperator {
  constructor(private readonly deps: Pick<OperatorDependencies, 'operators'>) {}

  /** False when unknown. */
  execute(name: string): Promise<boolean> {
    return this.deps.operators.remove(name);
  }
}
