import type { App } from '../model/app.js';
import type { UserId } from '../model/user-id.js';
import { AddSuperAdmin } from '../use-cases/add-super-admin/add-super-admin.js';
import { AllowUsers } from '../use-cases/allow-users/allow-users.js';
import { BlockUsers } from '../use-cases/block-users/block-users.js';
import { RemoveFromRoomUserList } from '../use-cases/remove-from-room-user-list/remove-from-room-user-list.js';
import { RemoveMembers } from '../use-cases/remove-members/remove-members.js';
import { RemoveSuperAdmin } from '../use-cases/remove-super-admin/remove-super-admin.js';
import type { StoreHandle } from './store-factory.js';
import { seedRoom, seedUsers } from './store-fixtures.js';

/** The write cases of the blocklist, the allowlist, the super admins and the batch removal (see WRITE_CASES). */
export const LIST_WRITE_CASES = [
  'block',
  'block, room missing',
  'block, user missing',
  'block, the owner',
  'block, not a member',
  'block many',
  'block many, room missing',
  'unblock',
  'unblock, not blocked',
  'unblock, room missing',
  'allow',
  'allow, room missing',
  'allow, user missing',
  'allow, not a member',
  'allow many',
  'allow many, room missing',
  'disallow',
  'disallow, room missing',
  'add super admin',
  'add super admin, user missing',
  'remove super admin',
  'remove super admin, user missing',
  'remove many',
  'remove many, room missing',
] as const;

export type ListWriteCase = (typeof LIST_WRITE_CASES)[number];

/**
 * The repository calls of each list case when the commands run as units of work over the
 * repositories (ListCommandsOverUnits): what a store whose calls are one query each declares.
 */
export const LIST_UNIT_CALLS: Readonly<Record<ListWriteCase, number>> = {
  block: 8,
  'block, room missing': 1,
  'block, user missing': 2,
  'block, the owner': 2,
  'block, not a member': 3,
  'block many': 9,
  'block many, room missing': 1,
  unblock: 3,
  'unblock, not blocked': 2,
  'unblock, room missing': 1,
  allow: 5,
  'allow, room missing': 1,
  'allow, user missing': 2,
  'allow, not a member': 3,
  'allow many': 5,
  'allow many, room missing': 1,
  disallow: 3,
  'disallow, room missing': 1,
  'add super admin': 3,
  'add super admin, user missing': 1,
  'remove super admin': 3,
  'remove super admin, user missing': 1,
  'remove many': 8,
  'remove many, room missing': 1,
};

/**
 * The list cases on rooms of their own: one whose members are blocked (one, then a batch of a
 * member, the owner, an outsider and an unknown user), one whose members are allowed, then
 * removed in such a batch.
 */
export async function listWriteCases(
  h: StoreHandle,
  app: App,
  deps: { uow: StoreHandle['uow'] },
): Promise<Record<ListWriteCase, () => Promise<unknown>>> {
  const [boss, a, b, c, d, outsider] = await seedUsers(h, app, 6, 'lists');
  const blocking = await seedRoom(h, app, boss!, [a!, b!, c!]);
  const allowing = await seedRoom(h, app, boss!, [a!, b!, c!]);
  const gone = 'nosuchroom';
  const ghost = 'nosuchuser';
  const block = (roomId: string, u: string) => new BlockUsers(deps).one(app, roomId, u);
  const blockMany = (roomId: string, users: string[]) => new BlockUsers(deps).many(app, roomId, users);
  const allow = (roomId: string, u: string) => new AllowUsers(deps).one(app, roomId, u);
  const allowMany = (roomId: string, users: string[]) => new AllowUsers(deps).many(app, roomId, users);
  const takeOff = (roomId: string, list: 'blocklist' | 'allowlist', users: string[]) =>
    new RemoveFromRoomUserList(deps).execute(app, roomId, list, users);
  const removeMany = (roomId: string, users: string[]) => new RemoveMembers(deps).many(app, roomId, users);
  const superAdmin = (add: boolean, u: string) =>
    add ? new AddSuperAdmin(deps).execute(app, u) : new RemoveSuperAdmin(deps).execute(app, u);
  const mixed = (member: UserId) => [member, boss!, outsider!, ghost];
  return {
    block: () => block(blocking.id, a!),
    'block, room missing': () => block(gone, b!),
    'block, user missing': () => block(blocking.id, ghost),
    'block, the owner': () => block(blocking.id, boss!),
    'block, not a member': () => block(blocking.id, d!),
    'block many': () => blockMany(blocking.id, mixed(b!)),
    'block many, room missing': () => blockMany(gone, [c!]),
    unblock: () => takeOff(blocking.id, 'blocklist', [a!, b!]),
    'unblock, not blocked': () => takeOff(blocking.id, 'blocklist', [c!]),
    'unblock, room missing': () => takeOff(gone, 'blocklist', [a!]),
    allow: () => allow(allowing.id, a!),
    'allow, room missing': () => allow(gone, a!),
    'allow, user missing': () => allow(allowing.id, ghost),
    'allow, not a member': () => allow(allowing.id, d!),
    'allow many': () => allowMany(allowing.id, mixed(b!)),
    'allow many, room missing': () => allowMany(gone, [c!]),
    disallow: () => takeOff(allowing.id, 'allowlist', [a!, c!]),
    'disallow, room missing': () => takeOff(gone, 'allowlist', [a!]),
    'add super admin': () => superAdmin(true, a!),
    'add super admin, user missing': () => superAdmin(true, ghost),
    'remove super admin': () => superAdmin(false, a!),
    'remove super admin, user missing': () => superAdmin(false, ghost),
    'remove many': () => removeMany(allowing.id, mixed(c!)),
    'remove many, room missing': () => removeMany(gone, [c!]),
  };
}
