import type { UserId } from '../../model/user-id.js';
import type { Chatroom } from '../../model/chatroom.js';
import type {
  AddMembersCommand,
  CreateRoomCommand,
  DissolveCommand,
  MuteCommand,
  Outcome,
  PromoteAdminCommand,
  RemoveMemberCommand,
  RoomCommands,
  SetAdminCommand,
  TransferCommand,
  UnmuteCommand,
  UpdateRoomCommand,
} from '../../ports/room-commands.js';
import type * as settings from '../../ports/room-settings-commands.js';
import type { DeleteUserCommand } from '../../ports/user-commands.js';
import type { User } from '../../model/user.js';
import { leaveRoom } from '../leave-room.js';
import { filled, refuse, requireUsers } from './command-units.js';
import { ListCommandsOverUnits } from './list-commands-over-units.js';
import { deleteAttributesIn, modifyRoomIn, setAttributesIn } from './room-settings-over-units.js';
import { deleteUserIn } from './user-commands-over-units.js';

/**
 * The guarded commands as units of work over the repositories: the way for a store whose
 * adapter has no statement of its own for them (the in-memory store; on MariaDB the commands it
 * has no compound statement for, and every command under a keyed request, which must join that
 * request's transaction). Each command is one unit; a refusal rolls it back and comes out as a value.
 */
export class RoomCommandsOverUnits extends ListCommandsOverUnits implements RoomCommands {
  createRoom(c: CreateRoomCommand): Promise<Outcome<{ id: string }>> {
    return this.unit(async (r) => {
      const { room: fields } = c;
      await requireUsers(r, fields.appId, [fields.owner, ...c.members]);
      const seq = await r.ids.next();
      const room: Chatroom = { ...fields, id: fields.id ?? String(seq), seq, memberCount: 0 };
      const inserted = await r.chatrooms.insert(room, c.roomQuota);
      if (inserted === 'id-taken') refuse({ refused: 'id-taken', id: room.id });
      if (inserted === 'quota-exceeded') refuse({ refused: 'quota-exceeded' });
      for (const [users, role] of [
        [[fields.owner], 'owner'],
        [c.members, 'member'],
      ] as const) {
        if (users.length === 0) continue;
        const outcome = await r.memberships.add(room.appId, room.id, users, role, c.joinedRoomCap);
        if (!outcome.ok)
          refuse(
            outcome.reason === 'room-full'
              ? { refused: 'room-full' }
              : { refused: 'user-cap', username: outcome.username },
          );
      }
      r.events.append(...c.created.map((event) => ({ ...event, roomId: room.id })));
      return { id: room.id };
    });
  }

  addMembers(c: AddMembersCommand): Promise<Outcome<{ added: UserId[]; memberCount?: number }>> {
    return this.unit(async (r) => {
      const wanted = [...new Set(c.usernames)];
      // Locked first: nobody leaves, and the room does not go, between the look and the addition.
      if (!(await r.chatrooms.findByIdForUpdate(c.appId, c.roomId))) refuse({ refused: 'room-missing' });
      await requireUsers(r, c.appId, wanted);
      const outcome = await r.memberships.add(c.appId, c.roomId, wanted, 'member', c.joinedRoomCap);
      const [blocked] = await r.roomUserLists.filter(c.appId, c.roomId, 'blocklist', wanted);
      if (blocked !== undefined) refuse({ refused: 'blocked', username: blocked });
      if (!outcome.ok)
        refuse(
          outcome.reason === 'room-full'
            ? { refused: 'room-full' }
            : { refused: 'user-cap', username: outcome.username },
        );
      const { added, memberCount } = outcome;
      if (added.length > 0) r.events.append(filled(c.joined, { member: added }, memberCount));
      return memberCount === undefined ? { added } : { added, memberCount };
    });
  }

  removeMember(c: RemoveMemberCommand): Promise<Outcome<{ memberCount: number }>> {
    return this.unit(async (r) => {
      const room = await r.chatrooms.findByIdForUpdate(c.appId, c.roomId);
      if (!room) return refuse({ refused: 'room-missing' });
      await requireUsers(r, c.appId, [c.username]);
      if (room.owner === c.username) refuse({ refused: 'owner' });
      const { removed, memberCount } = await leaveRoom(r, c.appId, c.roomId, [c.username]);
      if (removed.length === 0 || memberCount === undefined)
        return refuse({ refused: 'not-member', usernames: [c.username] });
      r.events.append(filled(c.left, {}, memberCount));
      return { memberCount };
    });
  }

  transfer(c: TransferCommand): Promise<Outcome<{ from: UserId }>> {
    return this.unit(async (r) => {
      const room = await r.chatrooms.findByIdForUpdate(c.appId, c.roomId);
      if (!room) return refuse({ refused: 'room-missing' });
      await requireUsers(r, c.appId, [c.newOwner]);
      if (room.owner === c.newOwner) refuse({ refused: 'same-owner' });
      const outcome = await r.memberships.transferOwnership(c.appId, c.roomId, room.owner, c.newOwner);
      if (outcome !== 'transferred') refuse({ refused: 'not-member', usernames: [c.newOwner] });
      r.events.append(filled(c.transferred, { owner: room.owner }));
      return { from: room.owner };
    });
  }

  dissolve(c: DissolveCommand): Promise<Outcome<{ members: UserId[] }>> {
    return this.unit(async (r) => {
      // Locked first, so the members read are the ones the room has when it goes.
      if (!(await r.chatrooms.findByIdForUpdate(c.appId, c.roomId))) refuse({ refused: 'room-missing' });
      const members = ((await r.memberships.affiliations(c.appId, [c.roomId])).get(c.roomId) ?? []).map(
        (a) => a.username,
      );
      if (!(await r.chatrooms.delete(c.appId, c.roomId))) refuse({ refused: 'room-missing' });
      const [gone, left] = c.dissolved;
      r.events.append(gone, ...(members.length > 0 ? [filled(left, { member: members })] : []));
      return { members };
    });
  }

  mute(c: MuteCommand): Promise<Outcome<Record<never, never>>> {
    return this.unit(async (r) => {
      if (!(await r.chatrooms.findByIdForUpdate(c.appId, c.roomId))) refuse({ refused: 'room-missing' });
      const roles = await r.memberships.rolesOf(c.appId, c.roomId, c.usernames);
      const outsiders = c.usernames.filter((u) => !roles.has(u));
      if (outsiders.length > 0) refuse({ refused: 'not-member', usernames: outsiders });
      if (c.expiresAt === 0) await r.mutes.remove(c.appId, c.roomId, c.usernames);
      else
        await r.mutes.upsert(
          c.appId,
          c.roomId,
          c.usernames.map((username) => ({ username, expiresAt: c.expiresAt })),
        );
      r.events.append(c.muted);
      return {};
    });
  }

  unmute(c: UnmuteCommand): Promise<Outcome<Record<never, never>>> {
    return this.unit(async (r) => {
      if (!(await r.chatrooms.findByIdForUpdate(c.appId, c.roomId))) refuse({ refused: 'room-missing' });
      await r.mutes.remove(c.appId, c.roomId, c.usernames);
      r.events.append(c.unmuted);
      return {};
    });
  }

  promoteAdmin(c: PromoteAdminCommand): Promise<Outcome<{ changed: boolean }>> {
    return this.unit(async (r) => {
      // Locked first: the admins counted are the room's until the unit commits.
      if (!(await r.chatrooms.findByIdForUpdate(c.appId, c.roomId))) refuse({ refused: 'room-missing' });
      await requireUsers(r, c.appId, [c.username]);
      const role = await r.memberships.roleOf(c.appId, c.roomId, c.username);
      if (role === null) refuse({ refused: 'not-member', usernames: [c.username] });
      if (role === 'owner') refuse({ refused: 'owner-not-admin' });
      if (role === 'admin') return { changed: false };
      if ((await r.memberships.admins(c.appId, c.roomId)).length >= c.maxAdmins) refuse({ refused: 'admin-limit' });
      await r.memberships.setRole(c.appId, c.roomId, c.username, 'admin');
      r.events.append(c.changed);
      return { changed: true };
    });
  }

  demoteAdmin(c: SetAdminCommand): Promise<Outcome<Record<never, never>>> {
    return this.unit(async (r) => {
      if (!(await r.chatrooms.findByIdForUpdate(c.appId, c.roomId))) refuse({ refused: 'room-missing' });
      await requireUsers(r, c.appId, [c.username]);
      if ((await r.memberships.roleOf(c.appId, c.roomId, c.username)) !== 'admin')
        refuse({ refused: 'not-admin', username: c.username });
      await r.memberships.setRole(c.appId, c.roomId, c.username, 'member');
      r.events.append(c.changed);
      return {};
    });
  }

  updateRoom(c: UpdateRoomCommand): Promise<Outcome<Record<never, never>>> {
    return this.unit(async (r) => {
      if (!(await r.chatrooms.findByIdForUpdate(c.appId, c.roomId))) refuse({ refused: 'room-missing' });
      await r.chatrooms.update(c.appId, c.roomId, c.patch);
      r.events.append(c.updated);
      return {};
    });
  }

  modifyRoom(c: settings.ModifyRoomCommand): Promise<Outcome<Record<never, never>>> {
    return this.unit((r) => modifyRoomIn(r, c));
  }

  setAttributes(c: settings.SetAttributesCommand): Promise<Outcome<settings.SetAttributesDone>> {
    return this.unit((r) => setAttributesIn(r, c));
  }

  deleteAttributes(c: settings.DeleteAttributesCommand): Promise<Outcome<settings.DeleteAttributesDone>> {
    return this.unit((r) => deleteAttributesIn(r, c));
  }

  deleteUser(c: DeleteUserCommand): Promise<Outcome<{ user: User }>> {
    return this.unit((r) => deleteUserIn(r, c));
  }
}
