import type { App } from '../model/app.js';
import { ATTRIBUTES_PER_ROOM_MAX } from '../model/room-attribute.js';
import type { Dependencies } from '../use-cases/dependencies.js';
import { DeleteUser } from '../use-cases/delete-user/delete-user.js';
import { DeleteRoomAttributes } from '../use-cases/delete-room-attributes/delete-room-attributes.js';
import { ModifyChatroom } from '../use-cases/modify-chatroom/modify-chatroom.js';
import { SetRoomAttributes } from '../use-cases/set-room-attributes/set-room-attributes.js';
import type { StoreHandle } from './store-factory.js';
import { seedRoom, seedUsers } from './store-fixtures.js';

/** The settings writes and the user's deletion the round-trips contract measures (part of WRITE_CASES), in the order they run. */
export const SETTINGS_WRITE_CASES = [
  'modify',
  'modify, room missing',
  'modify, maxusers below the members',
  'set attributes',
  'set attributes, owned by another',
  'set attributes, forced',
  'set attributes, room at its limit',
  'set attributes, room missing',
  'set attributes, not in the room',
  'delete attributes, owned by another',
  'delete attributes',
  'delete attributes, key missing',
  'delete attributes, forced',
  'delete attributes, room missing',
  'delete attributes, not in the room',
  'delete user',
  'delete user, missing',
] as const;

export type SettingsWriteCase = (typeof SETTINGS_WRITE_CASES)[number];

/**
 * The settings cases on rooms of their own: one of three members, one that holds the most
 * attributes a room may have. A per-key refusal (another member's key, no place left, a missing
 * key) is a success of the call with the key in `errorKeys`.
 */
export async function settingsWriteCases(
  h: StoreHandle,
  deps: Pick<Dependencies, 'uow'>,
  app: App,
): Promise<Record<SettingsWriteCase, () => Promise<unknown>>> {
  const [owner, member, other, outsider] = await seedUsers(h, app, 4, 'attr');
  const room = await seedRoom(h, app, owner!, [member!, other!]);
  const crowded = await seedRoom(h, app, owner!);
  await h.uow.write((r) =>
    r.roomAttributes.upsert(
      app.id,
      crowded.id,
      Array.from({ length: ATTRIBUTES_PER_ROOM_MAX }, (_, i) => ({
        key: `k${i}`,
        value: 'v',
        owner: owner!,
        autoDelete: false,
      })),
    ),
  );
  // A user who is a member of one room and owns another with a member.
  const [leaving] = await seedUsers(h, app, 1, 'leaving');
  await seedRoom(h, app, owner!, [leaving!]);
  await seedRoom(h, app, leaving!, [member!]);
  const gone = 'nosuchroom';
  const modify = (roomId: string, maxUsers: number) =>
    new ModifyChatroom(deps).execute(app, roomId, { name: 'renamed', maxUsers });
  const set = (roomId: string, user: string, forced = false) =>
    new SetRoomAttributes(deps).execute(app, roomId, user, { metaData: { topic: 'tea' }, forced });
  const remove = (roomId: string, user: string, forced = false, key = 'topic') =>
    new DeleteRoomAttributes(deps).execute(app, roomId, user, [key], forced);
  return {
    modify: () => modify(room.id, 50),
    'modify, room missing': () => modify(gone, 50),
    'modify, maxusers below the members': () => modify(room.id, 2),
    'set attributes': () => set(room.id, member!),
    'set attributes, owned by another': () => set(room.id, other!),
    'set attributes, forced': () => set(room.id, other!, true),
    'set attributes, room at its limit': () => set(crowded.id, owner!),
    'set attributes, room missing': () => set(gone, member!),
    'set attributes, not in the room': () => set(room.id, outsider!),
    // `topic` is other's since the forced set.
    'delete attributes, owned by another': () => remove(room.id, member!),
    'delete attributes': () => remove(room.id, other!),
    'delete attributes, key missing': () => remove(room.id, member!),
    'delete attributes, forced': () => remove(crowded.id, outsider!, true, 'k0'),
    'delete attributes, room missing': () => remove(gone, member!),
    'delete attributes, not in the room': () => remove(room.id, outsider!),
    'delete user': () => new DeleteUser(deps).execute(app, leaving!),
    'delete user, missing': () => new DeleteUser(deps).execute(app, 'nosuchuser'),
  };
}
