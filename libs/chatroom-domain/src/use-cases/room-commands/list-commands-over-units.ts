import type { Chatroom } from '../../model/chatroom.js';
import type { UserId } from '../../model/user-id.js';
import type {
  AllowCommand,
  BlockCommand,
  ListCommands,
  ListTargets,
  ListTargetStatus,
  RemoveFromListCommand,
  RemoveMembersCommand,
  SuperAdminCommand,
} from '../../ports/list-commands.js';
import type { Outcome } from '../../ports/room-commands.js';
import type { Repositories } from '../../ports/unit-of-work.js';
import { leaveRoom } from '../leave-room.js';
import { CommandUnits, filled, refuse, requireUsers } from './command-units.js';

/** The list commands as units of work over the repositories (see RoomCommandsOverUnits). */
export class ListCommandsOverUnits extends CommandUnits implements ListCommands {
  block(c: BlockCommand): Promise<Outcome<ListTargets>> {
    return this.unit(async (r) => {
      const statuses = await lockedTargets(r, c, true);
      const blocked = c.usernames.filter((_, i) => statuses[i] === 'ok');
      const { removed, memberCount } = await leaveRoom(r, c.appId, c.roomId, blocked);
      const outsiders = blocked.filter((u) => !removed.includes(u));
      if (c.allOrNothing && outsiders.length > 0) refuse({ refused: 'not-member', usernames: outsiders.slice(0, 1) });
      await r.roomUserLists.add(c.appId, c.roomId, 'blocklist', blocked);
      // BLOCK then LEAVE, as the reference orders them.
      r.events.append(
        ...(blocked.length > 0 ? [filled(c.blocked, { member: blocked })] : []),
        ...(removed.length > 0 ? [filled(c.left, { member: removed }, memberCount)] : []),
      );
      return { statuses };
    });
  }

  removeMembers(c: RemoveMembersCommand): Promise<Outcome<ListTargets>> {
    return this.unit(async (r) => {
      const statuses = await lockedTargets(r, { ...c, allOrNothing: false }, true);
      const leaving = c.usernames.filter((_, i) => statuses[i] === 'ok');
      const { removed, memberCount } = await leaveRoom(r, c.appId, c.roomId, leaving);
      if (removed.length > 0) r.events.append(filled(c.left, { member: removed }, memberCount));
      return { statuses };
    });
  }

  allow(c: AllowCommand): Promise<Outcome<ListTargets>> {
    return this.unit(async (r) => {
      const statuses = await lockedTargets(r, c, false);
      const allowed = c.usernames.filter((_, i) => statuses[i] === 'ok');
      await r.roomUserLists.add(c.appId, c.roomId, 'allowlist', allowed);
      if (allowed.length > 0) r.events.append(filled(c.allowed, { member: allowed }));
      return { statuses };
    });
  }

  removeFromList(c: RemoveFromListCommand): Promise<Outcome<{ removed: UserId[] }>> {
    return this.unit(async (r) => {
      await lockedRoom(r, c.appId, c.roomId);
      const removed = [...new Set(await r.roomUserLists.remove(c.appId, c.roomId, c.list, c.usernames))];
      if (removed.length > 0) r.events.append(filled(c.removed, { member: removed }));
      return { removed };
    });
  }

  setSuperAdmin(c: SuperAdminCommand): Promise<Outcome<Record<never, never>>> {
    return this.unit(async (r) => {
      await requireUsers(r, c.appId, [c.username]);
      if (c.change === 'ADD') await r.superAdmins.add(c.appId, c.username);
      else await r.superAdmins.remove(c.appId, c.username);
      r.events.append(c.changed);
      return {};
    });
  }
}

/** What a command naming several users gives `lockedTargets`. */
type Targeted = Pick<BlockCommand, 'appId' | 'roomId' | 'usernames' | 'allOrNothing'>;

async function lockedRoom(r: Repositories, appId: string, roomId: string): Promise<Chatroom> {
  const room = await r.chatrooms.findByIdForUpdate(appId, roomId);
  return room ?? refuse({ refused: 'room-missing' });
}

/**
 * The room locked first (nobody joins or leaves, and the owner stays, until the unit commits),
 * then each user's status. Under `allOrNothing` the first fault refuses instead, in the order
 * user, owner (a block's), member; a block leaves the last to its removal, which finds the
 * outsiders without a look of its own.
 */
async function lockedTargets(r: Repositories, c: Targeted, block: boolean): Promise<ListTargetStatus[]> {
  const room = await lockedRoom(r, c.appId, c.roomId);
  if (!c.allOrNothing) return targetStatuses(r, room, c.usernames, block);
  await requireUsers(r, c.appId, c.usernames);
  if (block && c.usernames.includes(room.owner)) refuse({ refused: 'owner' });
  if (!block) {
    const roles = await r.memberships.rolesOf(c.appId, c.roomId, c.usernames);
    const outsiders = c.usernames.filter((u) => !roles.has(u));
    if (outsiders.length > 0) refuse({ refused: 'not-member', usernames: outsiders });
  }
  return c.usernames.map(() => 'ok');
}

/** Each user's status on the locked room: unknown, the owner (when `ownerRefused`), not a member, or ok. */
async function targetStatuses(
  r: Repositories,
  room: Chatroom,
  usernames: readonly UserId[],
  ownerRefused: boolean,
): Promise<ListTargetStatus[]> {
  const existing = new Set(await r.users.findExisting(room.appId, usernames));
  const roles = await r.memberships.rolesOf(room.appId, room.id, usernames);
  return usernames.map((username) => {
    if (!existing.has(username)) return 'user-missing';
    if (ownerRefused && username === room.owner) return 'owner';
    return roles.has(username) ? 'ok' : 'not-member';
  });
}
