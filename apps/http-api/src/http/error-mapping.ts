import { DomainError, type ErrorCode } from '@chatroom/domain';
import { TransportError } from './transport-errors.js';

interface ErrorRow {
  readonly status: number;
  /** Easemob's `error` type, which clients branch on. */
  readonly error: string;
}

/**
 * The one table from domain error codes to HTTP: status and Easemob `error` type, as the
 * reference and decisions.md give them. Typed over every `ErrorCode`, so a new domain error
 * does not compile until it has a row here.
 */
const DOMAIN_ERRORS: Record<ErrorCode, ErrorRow> = {
  InvalidParameter: { status: 400, error: 'invalid_parameter' },
  IllegalArgument: { status: 400, error: 'illegal_argument' },
  InvalidUsername: { status: 400, error: 'illegal_argument' },
  UsernameTooLong: { status: 400, error: 'illegal_argument' },
  PasswordMissing: { status: 400, error: 'illegal_argument' },
  NicknameTooLong: { status: 400, error: 'illegal_argument' },
  InvalidCursor: { status: 400, error: 'invalid_parameter' },
  TooManyIds: { status: 400, error: 'invalid_parameter' },
  // Not in the reference; the OAuth 2 (RFC 6749) error for a grant type the server lacks.
  UnsupportedGrantType: { status: 400, error: 'unsupported_grant_type' },
  BatchTooLarge: { status: 400, error: 'invalid_parameter' },
  // The reference leaves the custom-attribute error type empty; decisions.md names it.
  MetadataBatchTooLarge: { status: 400, error: 'metadata_error' },
  // Ours: the bound on one details response (README, "Metrics and limits").
  DetailsTooLarge: { status: 400, error: 'invalid_parameter' },

  MissingToken: { status: 401, error: 'unauthorized' },
  BadToken: { status: 401, error: 'auth_bad_access_token' },
  ExpiredToken: { status: 401, error: 'unauthorized' },
  ClientSecretMismatch: { status: 400, error: 'invalid_grant' },
  // A 401 for a non-member setting attributes, as the reference documents it.
  NotInChatroom: { status: 401, error: 'MetadataException' },

  AppNotFound: { status: 404, error: 'organization_application_not_found' },
  // UnknownApp and AppAlreadyExists come from the admin CLI's use cases, never over HTTP.
  UnknownApp: { status: 404, error: 'organization_application_not_found' },
  ChatroomNotFound: { status: 404, error: 'resource_not_found' },
  ChatroomsNotFound: { status: 404, error: 'service_resource_not_found' },
  UserNotFound: { status: 404, error: 'resource_not_found' },
  UserResourceNotFound: { status: 404, error: 'service_resource_not_found' },

  ChatroomIdTaken: { status: 400, error: 'illegal_argument' },
  UserAlreadyExists: { status: 400, error: 'duplicate_unique_property_exists' },
  AppAlreadyExists: { status: 400, error: 'duplicate_unique_property_exists' },

  RoomQuotaExceeded: { status: 403, error: 'exceed_limit' },
  UserRoomCapExceeded: { status: 403, error: 'exceed_limit' },
  JoinCapExceeded: { status: 403, error: 'exceeded_limit' },
  MembersExceedMaxUsers: { status: 403, error: 'exceed_limit' },
  NameTooLong: { status: 403, error: 'exceed_limit' },
  DescriptionTooLong: { status: 403, error: 'exceed_limit' },
  CustomTooLong: { status: 403, error: 'exceed_limit' },
  MaxUsersAboveCeiling: { status: 403, error: 'exceed_limit' },
  AdminLimitReached: { status: 403, error: 'exceed_limit' },
  // The reference publishes no rate-limit body; `resource_limited` is its only documented 429 type.
  RateLimited: { status: 429, error: 'resource_limited' },

  MaxUsersBelowMemberCount: { status: 403, error: 'forbidden_op' },
  NotMembers: { status: 400, error: 'forbidden_op' },
  SameOwner: { status: 403, error: 'forbidden_op' },
  UserBlocked: { status: 403, error: 'forbidden_op' },
  RemoveOwner: { status: 403, error: 'forbidden_op' },
  BlockOwner: { status: 403, error: 'forbidden_op' },
  AnnouncementTooLong: { status: 403, error: 'forbidden_op' },
  OwnerCannotBeAdmin: { status: 400, error: 'forbidden_op' },
  NotAdmin: { status: 400, error: 'forbidden_op' },

  Unavailable: { status: 503, error: 'service_unavailable' },
};

export interface ErrorResponse {
  readonly status: number;
  readonly error: string;
  readonly description: string;
  readonly exception: string;
  readonly headers: Record<string, string>;
  /** A bug or an outage rather than a refused request: worth a log line with the cause. */
  readonly unexpected: boolean;
}

const INTERNAL: Omit<ErrorResponse, 'headers'> = {
  status: 500,
  error: 'internal_error',
  description: 'Internal Server Error',
  exception: 'InternalServerError',
  unexpected: true,
};

/** What to answer for any thrown value; never reveals anything of an unexpected one. */
export function toErrorResponse(thrown: unknown): ErrorResponse {
  if (thrown instanceof DomainError) {
    const row = DOMAIN_ERRORS[thrown.code];
    if (!row) return { ...INTERNAL, headers: {} };
    const unavailable = thrown.code === 'Unavailable';
    return {
      ...row,
      // The adapter's own wording of an outage may name hosts or drivers: keep it in the log.
      description: unavailable ? 'Service unavailable' : thrown.message,
      exception: thrown.exception,
      headers: unavailable ? { 'retry-after': '1' } : {},
      unexpected: unavailable,
    };
  }
  if (thrown instanceof TransportError) {
    return {
      status: thrown.status,
      error: thrown.error,
      description: thrown.message,
      exception: thrown.exception,
      headers: thrown.headers,
      unexpected: false,
    };
  }
  return { ...INTERNAL, headers: {} };
}
