import type { UserResult } from '@chatroom/domain';

/**
 * One item of a per-user batch answer, in the reference's key order:
 * `{result, action, reason?, user, <roomKey>}`. The room key is `id` for members and
 * `chatroomid` for the block and allow lists.
 */
export function userResultItem(action: string, roomKey: 'id' | 'chatroomid', roomId: string, result: UserResult) {
  return {
    result: result.ok,
    action,
    ...(result.reason !== undefined && { reason: result.reason }),
    user: result.username,
    [roomKey]: roomId,
  };
}
