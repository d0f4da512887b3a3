import type { User } from '../../model/user.js';
import type { Repositories } from '../../ports/unit-of-work.js';
import type { DeleteUserCommand } from '../../ports/user-commands.js';
import { refuse } from './command-units.js';
import { filled } from './command-units.js';

/** A user's deletion as the work of a unit over the repositories (RoomCommandsOverUnits). */
export async function deleteUserIn(r: Repositories, c: DeleteUserCommand): Promise<{ user: User }> {
  const user = await r.users.findByUsername(c.appId, c.username);
  if (!user) return refuse({ refused: 'user-missing', username: c.username });
  // Leaving first: a room transferred to the user meanwhile keeps their owner membership
  // (removeEverywhere skips it), and the later deleteOwnedBy sees and dissolves that room.
  const left = await r.memberships.removeEverywhere(c.appId, c.username);
  const dissolved = await r.chatrooms.deleteOwnedBy(c.appId, c.username);
  for (const { roomId, memberCount } of left) r.events.append({ ...c.left, roomId, memberCount });
  const [gone, leave] = c.dissolved;
  for (const { id, members } of dissolved) {
    r.events.append({ ...gone, roomId: id });
    if (members.length > 0) r.events.append(filled({ ...leave, roomId: id }, { member: members }));
  }
  await r.users.delete(c.appId, c.username);
  return { user };
}
