import { fitsMaxUsers } from '../../model/chatroom.js';
import type { RoomAttribute } from '../../model/room-attribute.js';
import { roomInfo } from '../../model/room-event.js';
import type {
  DeleteAttributesCommand,
  DeleteAttributesDone,
  ModifyRoomCommand,
  SetAttributesCommand,
  SetAttributesDone,
} from '../../ports/room-settings-commands.js';
import type { Repositories } from '../../ports/unit-of-work.js';
import { filled, refuse } from './command-units.js';

/*
 * The settings commands as the work of a unit over the repositories (RoomCommandsOverUnits runs
 * each in a unit of its own). Each locks the room first: its member count, its members and its
 * attributes are then the room's until the unit commits.
 */

export async function modifyRoomIn(r: Repositories, c: ModifyRoomCommand): Promise<Record<never, never>> {
  const room = await r.chatrooms.findByIdForUpdate(c.appId, c.roomId);
  if (!room) return refuse({ refused: 'room-missing' });
  if (c.patch.maxUsers !== undefined && !fitsMaxUsers(room.memberCount, c.patch.maxUsers))
    refuse({ refused: 'below-members', memberCount: room.memberCount });
  await r.chatrooms.update(c.appId, c.roomId, c.patch);
  const event = c.updated;
  r.events.append(filled(event, { info: roomInfo({ org: event.org, name: event.app }, { ...room, ...c.patch }) }));
  return {};
}

export async function setAttributesIn(r: Repositories, c: SetAttributesCommand): Promise<SetAttributesDone> {
  await lockRoomOf(r, c);
  if ((await r.memberships.roleOf(c.appId, c.roomId, c.owner)) === null) refuse({ refused: 'not-in-room' });
  const keys = c.attributes.map((a) => a.key);
  const current = new Map((await r.roomAttributes.list(c.appId, c.roomId, keys)).map((a) => [a.key, a]));
  let place = c.maxAttributes - (await r.roomAttributes.count(c.appId, c.roomId));
  const done: SetAttributesDone = { setKeys: [], ownedByOthers: [], overLimit: [] };
  const accepted: RoomAttribute[] = [];
  for (const { key, value } of c.attributes) {
    const existing = current.get(key);
    if (existing && existing.owner !== c.owner && !c.forced) done.ownedByOthers.push(key);
    else if (!existing && place <= 0) done.overLimit.push(key);
    else {
      if (!existing) place--;
      accepted.push({ key, value, owner: c.owner, autoDelete: c.autoDelete });
      done.setKeys.push(key);
    }
  }
  await r.roomAttributes.upsert(c.appId, c.roomId, accepted);
  if (accepted.length > 0)
    r.events.append(filled(c.set, { properties: Object.fromEntries(accepted.map((a) => [a.key, a.value])) }));
  return done;
}

export async function deleteAttributesIn(r: Repositories, c: DeleteAttributesCommand): Promise<DeleteAttributesDone> {
  await lockRoomOf(r, c);
  if (!c.forced && (await r.memberships.roleOf(c.appId, c.roomId, c.user)) === null) refuse({ refused: 'not-in-room' });
  const current = new Map((await r.roomAttributes.list(c.appId, c.roomId, c.keys)).map((a) => [a.key, a]));
  const done: DeleteAttributesDone = { deletedKeys: [], missing: [], ownedByOthers: [] };
  for (const key of c.keys) {
    const existing = current.get(key);
    if (!existing) done.missing.push(key);
    else if (existing.owner !== c.user && !c.forced) done.ownedByOthers.push(key);
    else done.deletedKeys.push(key);
  }
  await r.roomAttributes.remove(c.appId, c.roomId, done.deletedKeys);
  if (done.deletedKeys.length > 0) r.events.append(filled(c.deleted, { keys: done.deletedKeys }));
  return done;
}

async function lockRoomOf(r: Repositories, c: { appId: string; roomId: string }): Promise<void> {
  if (!(await r.chatrooms.findByIdForUpdate(c.appId, c.roomId))) refuse({ refused: 'room-missing' });
}
