/**
 * Every failure the domain can report. The code is stable (clients and the HTTP
 * mapping rely on it); the message is the Easemob `error_description` wording,
 * which is part of the domain's language. No HTTP status lives here: the HTTP
 * layer maps each code to a status and an Easemob `error` type in one table.
 */
export type ErrorCode =
  // invalid input
  | 'InvalidParameter'
  | 'IllegalArgument'
  | 'InvalidUsername'
  | 'UsernameTooLong'
  | 'PasswordMissing'
  | 'NicknameTooLong'
  | 'InvalidCursor'
  | 'TooManyIds'
  | 'UnsupportedGrantType'
  | 'BatchTooLarge'
  | 'MetadataBatchTooLarge'
  | 'DetailsTooLarge'
  // authentication
  | 'MissingToken'
  | 'BadToken'
  | 'ExpiredToken'
  | 'ClientSecretMismatch'
  | 'NotInChatroom'
  // not found
  | 'AppNotFound'
  | 'UnknownApp'
  | 'ChatroomNotFound'
  | 'ChatroomsNotFound'
  | 'UserNotFound'
  | 'UserResourceNotFound'
  // already exists
  | 'ChatroomIdTaken'
  | 'UserAlreadyExists'
  | 'AppAlreadyExists'
  // limits
  | 'RoomQuotaExceeded'
  | 'UserRoomCapExceeded'
  | 'JoinCapExceeded'
  | 'MembersExceedMaxUsers'
  | 'NameTooLong'
  | 'DescriptionTooLong'
  | 'CustomTooLong'
  | 'MaxUsersAboveCeiling'
  | 'AdminLimitReached'
  | 'RateLimited'
  // forbidden operations
  | 'MaxUsersBelowMemberCount'
  | 'NotMembers'
  | 'SameOwner'
  | 'UserBlocked'
  | 'RemoveOwner'
  | 'OwnerCannotBeAdmin'
  | 'NotAdmin'
  | 'BlockOwner'
  | 'AnnouncementTooLong'
  // infrastructure, reported through the domain's vocabulary
  | 'Unavailable';

export type ErrorCategory =
  | 'invalid_input'
  | 'unauthenticated'
  | 'not_found'
  | 'already_exists'
  | 'limit_exceeded'
  | 'forbidden'
  | 'unavailable';

export abstract class DomainError extends Error {
  abstract readonly category: ErrorCategory;

  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }

  /** The class-like name the error envelope's `exception` field shows. */
  get exception(): string {
    return `${this.code}Error`;
  }
}

export class InvalidInputError extends DomainError {
  readonly category = 'invalid_input';
}

export class AuthenticationError extends DomainError {
  readonly category = 'unauthenticated';
}

export class NotFoundError extends DomainError {
  readonly category = 'not_found';
}

export class AlreadyExistsError extends DomainError {
  readonly category = 'already_exists';
}

export class LimitExceededError extends DomainError {
  readonly category = 'limit_exceeded';
}

export class ForbiddenOperationError extends DomainError {
  readonly category = 'forbidden';
}

/** The store could not be reached; the request may succeed later. */
export class UnavailableError extends DomainError {
  readonly category = 'unavailable';

  constructor(message = 'Service unavailable') {
    super('Unavailable', message);
  }
}
