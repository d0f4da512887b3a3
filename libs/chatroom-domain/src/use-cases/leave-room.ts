import type { UserId } from '../model/user-id.js';
import type { RemovedMembers } from '../ports/membership-repository.js';
import type { Repositories } from '../ports/unit-of-work.js';

/**
 * Everything that leaving a room means (being removed or blocked): the membership with its
 * admin role, the mute, the allowlist entry and the attributes set with autoDelete.
 * Returns those who were members, and the room's member count after.
 */
export async function leaveRoom(
  r: Repositories,
  appId: string,
  roomId: string,
  usernames: readonly UserId[],
): Promise<RemovedMembers> {
  const left = await r.memberships.remove(appId, roomId, usernames);
  const { removed } = left;
  if (removed.length === 0) return left;
  await r.mutes.remove(appId, roomId, removed);
  await r.roomUserLists.remove(appId, roomId, 'allowlist', removed);
  await r.roomAttributes.removeAutoDeleteOf(appId, roomId, removed);
  return left;
}
