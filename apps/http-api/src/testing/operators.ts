import { AddOperator, type Dependencies, type OperatorRole } from '@chatroom/domain';
import type { Database } from '../ports/database.js';
import { TOKENS } from '../ports/tokens.js';
import type { TestService } from './http-harness.js';

/** Adds an operator to the service's own store, as `operators add --password-stdin` does. */
export async function addOperator(
  svc: TestService,
  name: string,
  role: OperatorRole,
  password = `${name}-password-long`,
): Promise<string> {
  const database = await svc.container.getAsync<Database>(TOKENS.Database);
  const deps = await svc.container.getAsync<Dependencies>(TOKENS.Dependencies);
  const outcome = await new AddOperator({ ...deps, operators: database.operators! }).execute({ name, role, password });
  if (!outcome.ok) throw new Error(`adding operator ${name}: ${outcome.reason}`);
  return password;
}

/** An operator token from `POST /admin/v1/token`. */
export async function operatorToken(
  svc: TestService,
  name: string,
  password = `${name}-password-long`,
): Promise<string> {
  const response = await svc.call('POST', '/admin/v1/token', { token: null, body: { username: name, password } });
  if (response.status !== 200) throw new Error(`operator sign-in failed: ${response.text}`);
  return response.body.access_token;
}
