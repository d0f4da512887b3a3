import {
  AlreadyExistsError,
  AuthenticationError,
  ForbiddenOperationError,
  InvalidInputError,
  LimitExceededError,
  NotFoundError,
} from './domain-error.js';

/**
 * The domain's errors, one factory per row of decisions.md. The messages are the
 * exact Easemob `error_description` strings.
 */
export const errors = {
  invalidParameter: (message: string) => new InvalidInputError('InvalidParameter', message),
  illegalArgument: (message: string) => new InvalidInputError('IllegalArgument', message),
  invalidUsername: (raw: string) => new InvalidInputError('InvalidUsername', `username ${raw} is not legal`),
  usernameTooLong: () => new InvalidInputError('UsernameTooLong', 'USERNAME_TOO_LONG'),
  passwordMissing: () => new InvalidInputError('PasswordMissing', 'password or pin must provided'),
  nicknameTooLong: () => new InvalidInputError('NicknameTooLong', 'NICKNAME_TOO_LONG'),
  invalidCursor: () => new InvalidInputError('InvalidCursor', 'cursor is invalid'),
  tooManyIds: () => new InvalidInputError('TooManyIds', 'the number of chatroom ids must not exceed 100'),

  /** A batch over its documented size; the message is the reference's, per endpoint. */
  batchTooLarge: (message: string) => new InvalidInputError('BatchTooLarge', message),
  metadataBatchTooLarge: (max: number) =>
    new InvalidInputError('MetadataBatchTooLarge', `exceed allowed batch size ${max}`),

  /** Details of rooms whose affiliations together exceed what one response may carry. */
  detailsTooLarge: (affiliations: number, max: number) =>
    new InvalidInputError(
      'DetailsTooLarge',
      `the chatrooms asked for have ${affiliations} affiliations in total, more than ${max}: ask for fewer chatrooms at once`,
    ),

  missingToken: () => new AuthenticationError('MissingToken', 'Unable to authenticate (OAuth)'),
  badToken: () => new AuthenticationError('BadToken', 'Unable to authenticate due to corrupt access token'),
  expiredToken: () => new AuthenticationError('ExpiredToken', 'Unable to authenticate due to expired access token'),
  clientSecretMismatch: () => new AuthenticationError('ClientSecretMismatch', 'client_secret does not match'),
  notInChatroom: () => new AuthenticationError('NotInChatroom', 'user is not in chatroom'),
  unsupportedGrantType: (grantType: string) =>
    new InvalidInputError('UnsupportedGrantType', `unsupported grant_type ${grantType}`),

  /** For the operator's tools, which name an app without a request path. */
  unknownApp: (org: string, app: string) => new NotFoundError('UnknownApp', `There is no app ${org}/${app}.`),
  appAlreadyExists: (org: string, app: string) =>
    new AlreadyExistsError('AppAlreadyExists', `The app ${org}/${app} already exists.`),
  appNotFound: (org: string, app: string, path: string) =>
    new NotFoundError('AppNotFound', `Could not find application for ${org}/${app} from URI: ${path}`),
  chatroomNotFound: (id: string) => new NotFoundError('ChatroomNotFound', `grpID ${id} does not exist!`),
  chatroomsNotFound: (id: string) => new NotFoundError('ChatroomsNotFound', `do not find this group:${id}`),
  userNotFound: (username: string) => new NotFoundError('UserNotFound', `username ${username} doesn't exist!`),
  userResourceNotFound: () => new NotFoundError('UserResourceNotFound', 'Service resource not found'),

  chatroomIdTaken: (id: string) => new AlreadyExistsError('ChatroomIdTaken', `group ID ${id} already exists!`),
  userAlreadyExists: (appName: string, username: string) =>
    new AlreadyExistsError(
      'UserAlreadyExists',
      `Application ${appName} Entity user requires that property named username be unique, value of ${username} exists`,
    ),

  roomQuotaExceeded: (org: string, app: string) =>
    new LimitExceededError('RoomQuotaExceeded', `appKey:${org}#${app} has create too many chatrooms!`),
  userRoomCapExceeded: (username: string) =>
    new LimitExceededError('UserRoomCapExceeded', `user ${username} has joined too many chatrooms!`),
  joinCapExceeded: (username: string) =>
    new LimitExceededError(
      'JoinCapExceeded',
      `can not join this group, reason:user ${username} has joined too many chatrooms!`,
    ),
  membersExceedMaxUsers: () =>
    new LimitExceededError('MembersExceedMaxUsers', 'members size is greater than max user size !'),
  nameTooLong: (max: number) => new LimitExceededError('NameTooLong', `title cannot exceed to ${max}`),
  descriptionTooLong: (max: number) => new LimitExceededError('DescriptionTooLong', `desc cannot exceed to ${max}`),
  customTooLong: (max: number) => new LimitExceededError('CustomTooLong', `custom cannot exceed to ${max}`),
  maxUsersAboveCeiling: (ceiling: number) =>
    new LimitExceededError('MaxUsersAboveCeiling', `maxUsers cannot exceed ${ceiling}`),

  adminLimitReached: (roomId: string, max: number) =>
    new LimitExceededError(
      'AdminLimitReached',
      `the number of admins of chatroom ${roomId} has reached the limit of ${max}`,
    ),

  /** The app's request budget for an operation class is used up (the HTTP layer's rate limit). */
  rateLimited: (operation: string, perSecond: number, retryAfterSeconds: number) =>
    new LimitExceededError(
      'RateLimited',
      `Too many requests: this app may make ${perSecond} calls per second to ${operation}; retry after ${retryAfterSeconds} s`,
    ),

  maxUsersBelowMemberCount: (maxUsers: number, count: number) =>
    new ForbiddenOperationError(
      'MaxUsersBelowMemberCount',
      `maxusers ${maxUsers} is less than the current member count ${count}`,
    ),
  notMembers: (usernames: readonly string[]) =>
    new ForbiddenOperationError('NotMembers', `users [${usernames.join(', ')}] are not members of this group!`),
  sameOwner: () => new ForbiddenOperationError('SameOwner', 'new owner and old owner are the same'),
  userBlocked: (username: string, roomId: string) =>
    new ForbiddenOperationError('UserBlocked', `user ${username} is in the blocklist of chatroom ${roomId}`),
  removeOwner: (roomId: string) =>
    new ForbiddenOperationError('RemoveOwner', `can not remove the owner of chatroom ${roomId}`),
  ownerCannotBeAdmin: (roomId: string) =>
    new ForbiddenOperationError('OwnerCannotBeAdmin', `the owner of chatroom ${roomId} can not be an admin`),
  notAdmin: (username: string, roomId: string) =>
    new ForbiddenOperationError('NotAdmin', `user ${username} is not an admin of chatroom ${roomId}`),
  blockOwner: (roomId: string) =>
    new ForbiddenOperationError('BlockOwner', `can not block the owner of chatroom ${roomId}`),
  announcementTooLong: () => new ForbiddenOperationError('AnnouncementTooLong', 'announce info length exceeds limit!'),
};
