import type { UserId } from '../model/user-id.js';
import type { ListTargetStatus } from '../ports/list-commands.js';
import type { UserResult } from './room-guards.js';

/**
 * The per-user results of a block, allowlist or removal batch, with the reference's reasons: the
 * statuses the command answered, one for each user asked.
 */
export function targetResults(
  roomId: string,
  usernames: readonly UserId[],
  statuses: readonly ListTargetStatus[],
  ownerReason = '',
  /** How the reference names the room in a non-member's reason: `group` (removals) or `chatroom`. */
  roomWord: 'group' | 'chatroom' = 'chatroom',
): UserResult[] {
  return usernames.map((username, i): UserResult => {
    switch (statuses[i]) {
      case 'ok':
        return { username, ok: true };
      case 'user-missing':
        return { username, ok: false, reason: `user ${username} doesn't exist` };
      case 'owner':
        return { username, ok: false, reason: ownerReason };
      default:
        return { username, ok: false, reason: `user: ${username} doesn't exist in ${roomWord}: ${roomId}` };
    }
  });
}
