import { TransportError } from '../transport-errors.js';

/** A wrong operator name or password: the only outcome that costs sign-in budget. */
export class BadCredentialsError extends TransportError {}

/** The operator API's refusals, in the Easemob error body like every other error. */
export const operatorErrors = {
  signInRequired: () =>
    new TransportError(
      401,
      'unauthorized',
      'sign in as an operator: a session cookie or an operator token is needed',
      'OperatorUnauthorizedException',
      {
        'www-authenticate': 'Bearer realm="operators"',
      },
    ),
  badCredentials: () =>
    new BadCredentialsError(401, 'unauthorized', 'wrong operator name or password', 'OperatorUnauthorizedException'),
  adminOnly: () =>
    new TransportError(
      403,
      'forbidden',
      'only an operator with the admin role may change things',
      'ForbiddenOperationException',
    ),
  foreignOrigin: () =>
    new TransportError(
      403,
      'forbidden',
      'a change from the console must come from its own origin',
      'ForbiddenOperationException',
    ),
  refusedDestination: (reason: string) =>
    new TransportError(400, 'invalid_parameter', `refused: ${reason}`, 'InvalidParameterException'),
  noSuchRule: (id: string) =>
    new TransportError(404, 'resource_not_found', `rule ${id} does not exist`, 'ResourceNotFoundException'),
  noEvents: () =>
    new TransportError(
      404,
      'resource_not_found',
      'this store keeps no events (the in-memory store)',
      'ResourceNotFoundException',
    ),
};
