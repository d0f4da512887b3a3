import type { DomainError } from '../../errors/domain-error.js';
import { errors } from '../../errors/error-catalogue.js';
import { ADMINS_MAX } from '../../model/room-moderation.js';
import type { UserId } from '../../model/user-id.js';
import type { Outcome, Refusal } from '../../ports/room-commands.js';

/** Errors whose wording differs between endpoints; the others are the same everywhere. */
export interface RefusalWording {
  readonly userCap?: (username: UserId) => DomainError;
  /** The quota error names the app. */
  readonly quotaExceeded?: () => DomainError;
  /** What the owner may not be put through (removal by default). */
  readonly owner?: () => DomainError;
  /** The error of a user missing, where it is not `userNotFound`. */
  readonly userMissing?: (username: UserId) => DomainError;
  /** The `maxusers` asked, which the member-count error names. */
  readonly maxUsers?: number;
}

/** The one place a command's refusal becomes the domain's error. */
export function refusalError(refusal: Refusal, roomId: string, wording: RefusalWording = {}): DomainError {
  switch (refusal.refused) {
    case 'room-missing':
      return errors.chatroomNotFound(roomId);
    case 'user-missing':
      return (wording.userMissing ?? errors.userNotFound)(refusal.username);
    case 'room-full':
      return errors.membersExceedMaxUsers();
    case 'user-cap':
      return (wording.userCap ?? errors.joinCapExceeded)(refusal.username);
    case 'blocked':
      return errors.userBlocked(refusal.username, roomId);
    case 'not-member':
      return errors.notMembers(refusal.usernames);
    case 'owner':
      return wording.owner?.() ?? errors.removeOwner(roomId);
    case 'same-owner':
      return errors.sameOwner();
    case 'id-taken':
      return errors.chatroomIdTaken(refusal.id);
    case 'quota-exceeded':
      return wording.quotaExceeded?.() ?? errors.roomQuotaExceeded('', '');
    case 'owner-not-admin':
      return errors.ownerCannotBeAdmin(roomId);
    case 'admin-limit':
      return errors.adminLimitReached(roomId, ADMINS_MAX);
    case 'not-admin':
      return errors.notAdmin(refusal.username, roomId);
    case 'below-members':
      return errors.maxUsersBelowMemberCount(wording.maxUsers ?? 0, refusal.memberCount);
    case 'not-in-room':
      return errors.notInChatroom();
  }
}

/** What the command did, or its refusal thrown as the domain's error. */
export function doneOrThrow<T>(outcome: Outcome<T>, roomId: string, wording?: RefusalWording): T {
  if (outcome.refused !== undefined) throw refusalError(outcome, roomId, wording);
  return outcome as T;
}
