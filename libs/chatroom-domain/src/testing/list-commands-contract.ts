import { describe, expect, it } from 'vitest';
import type { App } from '../model/app.js';
import type { Repositories } from '../ports/unit-of-work.js';
import { BLOCK_FOREVER } from '../model/room-event.js';
import type { UserId } from '../model/user-id.js';
import { AddSuperAdmin } from '../use-cases/add-super-admin/add-super-admin.js';
import { AllowUsers } from '../use-cases/allow-users/allow-users.js';
import { BlockUsers } from '../use-cases/block-users/block-users.js';
import { RemoveFromRoomUserList } from '../use-cases/remove-from-room-user-list/remove-from-room-user-list.js';
import { RemoveMembers } from '../use-cases/remove-members/remove-members.js';
import { RemoveSuperAdmin } from '../use-cases/remove-super-admin/remove-super-admin.js';
import { holding } from './interleavings-contract.js';
import { outcomeOf, waitForBlocked } from './outcomes.js';
import { useStore, type StoreFactory, type StoreHandle } from './store-factory.js';
import { affiliationsOf, seedApp, seedRoom, seedUsers } from './store-fixtures.js';

/** The events stored for the room since `afterSeq`, oldest first, as operation, payload and count. */
async function eventsOf(h: StoreHandle, app: App, roomId: string, afterSeq = 0) {
  const page = await h.uow.read((r) => r.eventLog.roomPage(app.id, roomId, 50));
  return page
    .filter((e) => e.seq > afterSeq)
    .reverse()
    .map((e) => ({ operation: e.operation, payload: e.payload, memberCount: e.memberCount }));
}

async function lastSeq(h: StoreHandle, app: App, roomId: string): Promise<number> {
  const [newest] = await h.uow.read((r) => r.eventLog.roomPage(app.id, roomId, 1));
  return newest?.seq ?? 0;
}

/** Who of `users` is in the room, its lists, its mutes and its member count. */
async function roomAfter(h: StoreHandle, app: App, roomId: string, users: UserId[]) {
  return h.uow.read(async (r) => ({
    roles: [...(await r.memberships.rolesOf(app.id, roomId, users)).keys()],
    blocked: await r.roomUserLists.list(app.id, roomId, 'blocklist'),
    allowed: await r.roomUserLists.list(app.id, roomId, 'allowlist'),
    muted: await r.mutes.listActive(app.id, roomId, 0),
    count: (await r.chatrooms.findById(app.id, roomId))?.memberCount,
  }));
}

/** A room of an owner and two members, and a user outside it. */
async function world(h: StoreHandle) {
  const app = await seedApp(h);
  const [owner, a, b, outsider] = (await seedUsers(h, app, 4)) as [UserId, UserId, UserId, UserId];
  const room = await seedRoom(h, app, owner, [a, b]);
  return { h, deps: { uow: h.uow }, app, owner, a, b, outsider, room };
}

/**
 * Runs `command` while a unit that locked the room and made `change` holds it, and gives the
 * command's outcome once that unit committed (the store's probe must see the command wait).
 */
export async function whileHeld(
  h: StoreHandle,
  room: { appId: string; id: string },
  change: (r: Repositories) => Promise<unknown>,
  command: () => Promise<unknown>,
): Promise<string> {
  const held = holding(h, async (r) => {
    await r.chatrooms.findByIdForUpdate(room.appId, room.id);
    await change(r);
  });
  await held.held;
  const outcome = outcomeOf(command());
  await waitForBlocked(h, 1);
  held.release();
  await held.done;
  return outcome;
}

/**
 * What the blocklist, allowlist, batch removal and super admin commands leave behind on every store: the rows,
 * the counters and the events the statement (or unit) wrote with them.
 */
export function describeListCommandsContract(name: string, factory: StoreFactory): void {
  describe(`${name}: list commands`, () => {
    const store = useStore(factory);

    it('a batch block takes the members out with what leaving takes, lists them and stores BLOCK then LEAVE', async () => {
      const { h, deps, app, owner, a, b, outsider, room } = await world(store().main);
      await h.uow.write(async (r) => {
        await r.mutes.upsert(app.id, room.id, [{ username: a, expiresAt: -1 }]);
        await r.roomUserLists.add(app.id, room.id, 'allowlist', [a]);
      });
      const since = await lastSeq(h, app, room.id);
      const results = await new BlockUsers(deps).many(app, room.id, [a, owner, 'ghost', outsider]);
      expect(results.map((x) => x.ok)).toEqual([true, false, false, false]);
      expect(await eventsOf(h, app, room.id, since)).toEqual([
        {
          operation: 'BLOCK',
          payload: { member: [a], expire_timestamp: BLOCK_FOREVER, type: 'ADD' },
          memberCount: undefined,
        },
        { operation: 'LEAVE', payload: { member: [a], type: 'BLOCK' }, memberCount: 2 },
      ]);
      const after = await roomAfter(h, app, room.id, [owner, a, b]);
      expect(after).toEqual({ roles: [owner, b], blocked: [a], allowed: [], muted: [], count: 2 });
      expect(await h.probes.counterMismatches()).toEqual([]);
    });

    it('a batch removal takes the members out with what leaving takes, answers each user and stores one LEAVE', async () => {
      const { h, deps, app, owner, a, b, outsider, room } = await world(store().main);
      await h.uow.write(async (r) => {
        await r.mutes.upsert(app.id, room.id, [{ username: a, expiresAt: -1 }]);
        await r.roomUserLists.add(app.id, room.id, 'allowlist', [a]);
      });
      const since = await lastSeq(h, app, room.id);
      expect(await new RemoveMembers(deps).many(app, room.id, [a, owner, 'ghost', outsider])).toEqual([
        { username: a, ok: true },
        { username: owner, ok: false, reason: `can not remove the owner of chatroom ${room.id}` },
        { username: 'ghost', ok: false, reason: "user ghost doesn't exist" },
        { username: outsider, ok: false, reason: `user: ${outsider} doesn't exist in group: ${room.id}` },
      ]);
      expect(await eventsOf(h, app, room.id, since)).toEqual([
        { operation: 'LEAVE', payload: { member: [a], type: 'KICK' }, memberCount: 2 },
      ]);
      const after = await roomAfter(h, app, room.id, [owner, a, b]);
      expect(after).toEqual({ roles: [owner, b], blocked: [], allowed: [], muted: [], count: 2 });
      expect(await h.probes.counterMismatches()).toEqual([]);
    });

    it('a batch removal of nobody who can leave changes nothing and stores nothing', async () => {
      const { h, deps, app, owner, outsider, room } = await world(store().main);
      const since = await lastSeq(h, app, room.id);
      const results = await new RemoveMembers(deps).many(app, room.id, [owner, outsider, 'ghost']);
      expect(results.map((x) => x.ok)).toEqual([false, false, false]);
      expect(await eventsOf(h, app, room.id, since)).toEqual([]);
      expect((await h.uow.read((r) => r.chatrooms.findById(app.id, room.id)))?.memberCount).toBe(3);
      await expect(new RemoveMembers(deps).many(app, 'nosuchroom', [owner])).rejects.toMatchObject({
        message: 'grpID nosuchroom does not exist!',
      });
      expect(await h.probes.counterMismatches()).toEqual([]);
    });

    it('a refused block of one user changes nothing and stores nothing', async () => {
      const { h, deps, app, owner, outsider, room } = await world(store().main);
      const since = await lastSeq(h, app, room.id);
      for (const u of [owner, outsider, 'ghost'])
        await expect(new BlockUsers(deps).one(app, room.id, u)).rejects.toThrow();
      expect(await eventsOf(h, app, room.id, since)).toEqual([]);
      expect(await h.uow.read((r) => r.roomUserLists.list(app.id, room.id, 'blocklist'))).toEqual([]);
      expect(await h.probes.counterMismatches()).toEqual([]);
    });

    it('the allowlist takes members only, and a removal names those it took off, as asked', async () => {
      const { h, deps, app, owner, a, b, outsider, room } = await world(store().main);
      const since = await lastSeq(h, app, room.id);
      const allowed = await new AllowUsers(deps).many(app, room.id, [b, outsider, owner, 'ghost']);
      expect(allowed.map((x) => x.ok)).toEqual([true, false, true, false]);
      await expect(new AllowUsers(deps).one(app, room.id, outsider)).rejects.toThrow();
      const removed = await new RemoveFromRoomUserList(deps).execute(app, room.id, 'allowlist', [a, owner, b]);
      expect(removed.map((x) => x.ok)).toEqual([false, true, true]);
      expect(await eventsOf(h, app, room.id, since)).toEqual([
        { operation: 'WHITE', payload: { member: [b, owner], type: 'ADD' }, memberCount: undefined },
        { operation: 'WHITE', payload: { member: [owner, b], type: 'REMOVE' }, memberCount: undefined },
      ]);
      expect(await h.uow.read((r) => r.roomUserLists.list(app.id, room.id, 'allowlist'))).toEqual([]);
    });

    it('super admins: added once, removed, each change stored as an app event; an unknown user changes nothing', async () => {
      const h = store().main;
      const deps = { uow: h.uow };
      const app = await seedApp(h);
      const [a] = await seedUsers(h, app, 1);
      await new AddSuperAdmin(deps).execute(app, a!);
      await new AddSuperAdmin(deps).execute(app, a!);
      expect(await h.uow.read((r) => r.superAdmins.listPage(app.id, 0, 10))).toEqual([a]);
      await new RemoveSuperAdmin(deps).execute(app, a!);
      await expect(new AddSuperAdmin(deps).execute(app, 'ghost')).rejects.toThrow();
      expect(await h.uow.read((r) => r.superAdmins.listPage(app.id, 0, 10))).toEqual([]);
      const admins = (type: string): unknown => ({
        operation: 'ROOM_SUPER_ADMIN',
        payload: { admin: [a as UserId], type },
        memberCount: undefined,
      });
      expect(await eventsOf(h, app, '')).toEqual([admins('ADD'), admins('ADD'), admins('REMOVE')]);
    });
    // Forced: a unit holds the room while it changes its memberships, and the command waits for
    // it; the command must decide on the memberships committed, not on those it saw first.
    it('a block that waits while the user joins blocks them once they are a member', async () => {
      const { h, deps, app, owner, a, b, outsider, room } = await world(store().main);
      const block = await whileHeld(
        h,
        room,
        (r) => r.memberships.add(app.id, room.id, [outsider], 'member', app.settings.joinedRoomCap),
        () => new BlockUsers(deps).one(app, room.id, outsider),
      );
      expect(block).toBe('ok');
      expect(await affiliationsOf(h, app, room.id)).toEqual([`${owner}:owner`, `${a}:member`, `${b}:member`]);
      expect(await h.uow.read((r) => r.roomUserLists.list(app.id, room.id, 'blocklist'))).toEqual([outsider]);
      expect(await h.probes.counterMismatches()).toEqual([]);
    });

    it('an allowlist addition that waits while the member leaves refuses them and lists nobody', async () => {
      const { h, deps, app, a, room } = await world(store().main);
      const allow = await whileHeld(
        h,
        room,
        (r) => r.memberships.remove(app.id, room.id, [a]),
        () => new AllowUsers(deps).one(app, room.id, a),
      );
      expect(allow).toBe('NotMembers');
      expect(await h.uow.read((r) => r.roomUserLists.list(app.id, room.id, 'allowlist'))).toEqual([]);
    });
  });
}
