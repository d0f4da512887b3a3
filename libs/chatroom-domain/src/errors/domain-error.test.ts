import { describe, expect, it } from 'vitest';
import {
  AlreadyExistsError,
  AuthenticationError,
  DomainError,
  ForbiddenOperationError,
  InvalidInputError,
  LimitExceededError,
  NotFoundError,
  UnavailableError,
} from './domain-error.js';
import { errors } from './error-catalogue.js';

describe('DomainError', () => {
  it.each([
    ['InvalidInputError', 'invalid_input', new InvalidInputError('InvalidParameter', 'x')],
    ['AuthenticationError', 'unauthenticated', new AuthenticationError('BadToken', 'x')],
    ['NotFoundError', 'not_found', new NotFoundError('UserNotFound', 'x')],
    ['AlreadyExistsError', 'already_exists', new AlreadyExistsError('UserAlreadyExists', 'x')],
    ['LimitExceededError', 'limit_exceeded', new LimitExceededError('NameTooLong', 'x')],
    ['ForbiddenOperationError', 'forbidden', new ForbiddenOperationError('SameOwner', 'x')],
    ['UnavailableError', 'unavailable', new UnavailableError()],
  ] as const)('%s has the category %s', (_, category, error) => {
    expect(error).toBeInstanceOf(DomainError);
    expect(error.category).toBe(category);
  });

  it('names the exception after its code, never after a stack or file', () => {
    expect(errors.chatroomNotFound('7').exception).toBe('ChatroomNotFoundError');
  });

  it('keeps the Easemob message as the error message', () => {
    const error = errors.sameOwner();
    expect(error.message).toBe('new owner and old owner are the same');
    expect(error.code).toBe('SameOwner');
  });

  it('reports an unreachable store with a default message', () => {
    expect(new UnavailableError()).toMatchObject({ code: 'Unavailable', message: 'Service unavailable' });
  });
});
