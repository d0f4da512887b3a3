import type { UserId } from '../model/user-id.js';
import type { Repositories } from '../ports/unit-of-work.js';

/**
 * Everything that leaving a room means (being removed or blocked): the membership with its
 * admin role, the mute, the allowlist entry and the attributes set with autoDelete.
 * Returns those who were members.
 */
export async function leaveRoom(
  r: Repositories,
  appId: string,
  roomId: string,
  usernames: readonly UserId[],
): Promise<UserId[]> {
  const left = await r.memberships.remove(appId, roomId, usernames);
  if (left.length === 0) return left;
  await r.mutes.remove(appId, roomId, left);
  await r.roomUserLists.remove(appId, roomId, 'allowlist', left);
  await r.roomAttributes.removeAutoDeleteOf(appId, roomId, left);
  return left;
}
