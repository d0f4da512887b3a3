import { describe, expect, it } from 'vitest';
import { AddMembers } from '../use-cases/add-members/add-members.js';
import { BlockUsers } from '../use-cases/block-users/block-users.js';
import { ADMINS_MAX } from '../model/room-moderation.js';
import { CreateChatroom } from '../use-cases/create-chatroom/create-chatroom.js';
import { DemoteAdmin } from '../use-cases/demote-admin/demote-admin.js';
import { DissolveChatroom } from '../use-cases/dissolve-chatroom/dissolve-chatroom.js';
import { MuteMembers } from '../use-cases/mute-members/mute-members.js';
import { PromoteAdmin } from '../use-cases/promote-admin/promote-admin.js';
import { SetAnnouncement } from '../use-cases/set-announcement/set-announcement.js';
import { SetMuteAll } from '../use-cases/set-mute-all/set-mute-all.js';
import { RemoveMembers } from '../use-cases/remove-members/remove-members.js';
import { TransferChatroom } from '../use-cases/transfer-chatroom/transfer-chatroom.js';
import { UnmuteMembers } from '../use-cases/unmute-members/unmute-members.js';
import { LIST_WRITE_CASES, listWriteCases } from './list-write-cases.js';
import { useStore, type StoreFactory, type StoreHandle } from './store-factory.js';
import { seedApp, seedRoom, seedUsers } from './store-fixtures.js';
import { SETTINGS_WRITE_CASES, settingsWriteCases } from './write-round-trips-settings.js';

/** Every case the contract measures: each write use case's success and each of its refusals. */
export const WRITE_CASES = [
  'create',
  'create, user missing',
  'create, id taken',
  'create, quota exceeded',
  'create, user at the joined-room cap',
  'add',
  'add, already a member',
  'add, room missing',
  'add, user missing',
  'add, blocked',
  'add, room full',
  'add, user at the joined-room cap',
  'remove',
  'remove, room missing',
  'remove, user missing',
  'remove, the owner',
  'remove, not a member',
  'transfer',
  'transfer, room missing',
  'transfer, user missing',
  'transfer, same owner',
  'transfer, not a member',
  'dissolve',
  'dissolve, room missing',
  'mute',
  'unmute',
  'unmute a batch',
  'unmute a batch, room missing',
  'mute, room missing',
  'mute, not a member',
  'promote',
  'promote, already an admin',
  'promote, room missing',
  'promote, user missing',
  'promote, not a member',
  'promote, the owner',
  'promote, admin limit',
  'demote',
  'demote, room missing',
  'demote, user missing',
  'demote, not an admin',
  'announce',
  'announce, room missing',
  'mute all',
  'mute all, room missing',
  ...LIST_WRITE_CASES,
  ...SETTINGS_WRITE_CASES,
] as const;

export type WriteCase = (typeof WRITE_CASES)[number];

/** The statements (queries through the store's probe) a store declares for each case. */
export type WriteRoundTrips = Readonly<Record<WriteCase, number>>;

/**
 * Counts the statements each write use case sends, through the store's `queryCount` probe, in a
 * success and in each refusal, and compares the whole table with what the store declares
 * (`writeRoundTrips`): a change that adds a round trip to any of them fails here.
 */
export function describeWriteRoundTripsContract(name: string, factory: StoreFactory): void {
  const declared = factory.writeRoundTrips;
  describe(`${name}: statements per write`, () => {
    const store = useStore(factory);
    it.skipIf(declared === undefined)(
      declared === undefined
        ? 'not run: the store declares no writeRoundTrips'
        : 'each write sends the statements the store declares',
      async () => {
        expect(await measureWrites(store().main)).toEqual(declared);
      },
    );
  });
}

/** The statements each case took on this store. */
export async function measureWrites(h: StoreHandle): Promise<Record<WriteCase, number>> {
  const clock = { now: () => Date.now() };
  const deps = { uow: h.uow, clock };
  const app = await seedApp(h, { joinedRoomCap: 3 });
  const [owner, a, b, c, capped, outsider] = await seedUsers(h, app, 6);
  const room = await seedRoom(h, app, owner!, [a!, b!]);
  const small = await seedRoom(h, app, owner!, [a!], { maxUsers: 2 });
  for (let i = 0; i < 3; i++) await seedRoom(h, app, capped!);
  await new BlockUsers(deps).one(app, room.id, b!);
  const gone = 'nosuchroom';
  const ghost = 'nosuchuser';

  const add = (roomId: string, u: string) => new AddMembers(deps).execute(app, roomId, [u]);
  const remove = (roomId: string, u: string) => new RemoveMembers(deps).one(app, roomId, u);
  const transfer = (roomId: string, u: string) => new TransferChatroom(deps).execute(app, roomId, u);
  const mute = (roomId: string, users: string[], duration: number) =>
    new MuteMembers(deps).execute(app, roomId, users, duration);
  const doomed = await seedRoom(h, app, owner!, [a!]);
  const promote = (roomId: string, u: string) => new PromoteAdmin(deps).execute(app, roomId, u);
  const demote = (roomId: string, u: string) => new DemoteAdmin(deps).execute(app, roomId, u);
  // A room with one member to promote, and a room at its most admins with one member more.
  const [boss, x, ...crowd] = await seedUsers(h, app, ADMINS_MAX + 3, 'staff');
  const council = await seedRoom(h, app, boss!, [x!]);
  const staffed = await seedRoom(h, app, boss!, crowd);
  await h.uow.write(async (r) => {
    for (const u of crowd.slice(0, ADMINS_MAX)) await r.memberships.setRole(app.id, staffed.id, u, 'admin');
  });

  const full = await seedApp(h, { roomQuota: 0 });
  const [lonely] = await seedUsers(h, full, 1);
  const create = (onApp: typeof app, owner: string, roomId?: string) =>
    new CreateChatroom(deps).execute(onApp, {
      name: 'r',
      description: 'd',
      owner,
      ...(roomId !== undefined && { roomId }),
    });
  const withIds = { ...app, settings: { ...app.settings, customRoomIds: true } };

  const cases: Record<WriteCase, () => Promise<unknown>> = {
    ...(await listWriteCases(h, app, deps)),
    create: () => create(app, c!),
    'create, user missing': () => create(app, ghost),
    'create, id taken': () => create(withIds, c!, room.id),
    'create, quota exceeded': () => create(full, lonely!),
    'create, user at the joined-room cap': () => create(app, capped!),
    add: () => add(room.id, c!),
    'add, already a member': () => add(room.id, a!),
    'add, room missing': () => add(gone, c!),
    'add, user missing': () => add(room.id, ghost),
    'add, blocked': () => add(room.id, b!),
    'add, room full': () => add(small.id, c!),
    'add, user at the joined-room cap': () => add(room.id, capped!),
    remove: () => remove(room.id, c!),
    'remove, room missing': () => remove(gone, a!),
    'remove, user missing': () => remove(room.id, ghost),
    'remove, the owner': () => remove(room.id, owner!),
    'remove, not a member': () => remove(room.id, outsider!),
    transfer: () => transfer(room.id, a!),
    'transfer, room missing': () => transfer(gone, a!),
    'transfer, user missing': () => transfer(room.id, ghost),
    'transfer, same owner': () => transfer(room.id, a!),
    'transfer, not a member': () => transfer(room.id, outsider!),
    dissolve: () => new DissolveChatroom(deps).execute(app, doomed.id),
    'dissolve, room missing': () => new DissolveChatroom(deps).execute(app, gone),
    mute: () => mute(room.id, [owner!], 60_000),
    unmute: () => mute(room.id, [owner!], 0),
    'unmute a batch': () => new UnmuteMembers(deps).execute(app, room.id, [a!, outsider!]),
    'unmute a batch, room missing': () => new UnmuteMembers(deps).execute(app, gone, [a!]),
    'mute, room missing': () => mute(gone, [a!], 60_000),
    'mute, not a member': () => mute(room.id, [outsider!], 60_000),
    promote: () => promote(council.id, x!),
    'promote, already an admin': () => promote(council.id, x!),
    'promote, room missing': () => promote(gone, x!),
    'promote, user missing': () => promote(council.id, ghost),
    'promote, not a member': () => promote(council.id, outsider!),
    'promote, the owner': () => promote(council.id, boss!),
    'promote, admin limit': () => promote(staffed.id, crowd[ADMINS_MAX]!),
    demote: () => demote(council.id, x!),
    'demote, room missing': () => demote(gone, x!),
    'demote, user missing': () => demote(council.id, ghost),
    'demote, not an admin': () => demote(council.id, x!),
    announce: () => new SetAnnouncement(deps).execute(app, council.id, 'hello'),
    'announce, room missing': () => new SetAnnouncement(deps).execute(app, gone, 'hello'),
    'mute all': () => new SetMuteAll(deps).execute(app, council.id, true),
    'mute all, room missing': () => new SetMuteAll(deps).execute(app, gone, true),
    ...(await settingsWriteCases(h, deps, app)),
  };
  const counts = {} as Record<WriteCase, number>;
  for (const name of WRITE_CASES) counts[name] = await statementsOf(h, cases[name]);
  return counts;
}

/** Statements the work sent, whether it succeeded or was refused. */
async function statementsOf(h: StoreHandle, work: () => Promise<unknown>): Promise<number> {
  const before = h.probes.queryCount().queries;
  await work().catch(() => undefined);
  return h.probes.queryCount().queries - before;
}
