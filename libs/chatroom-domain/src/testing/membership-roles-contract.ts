import { describe, expect, it } from 'vitest';
import type { UserId } from '../model/user-id.js';
import { itRaces, type OpenStore, type StoreFactory } from './store-factory.js';
import {
  affiliationsOf,
  inParallel,
  roomOf,
  seedApp,
  seedRoom,
  seedRoomWithMembers,
  seedUsers,
  tryAddMembers,
} from './store-fixtures.js';

/**
 * The MembershipRepository methods behind roles and member pages: rolesOf, setRole, admins,
 * listPage. Registered inside the MembershipRepository contract, on its store.
 */
export function describeMembershipRoles(factory: StoreFactory, store: () => OpenStore): void {
  async function roomWithMembers(count: number) {
    const seeded = await seedRoomWithMembers(store().main, count);
    const { h, app, room } = seeded;
    const setRole = (user: UserId, role: 'admin' | 'member') =>
      h.uow.write((r) => r.memberships.setRole(app.id, room.id, user, role));
    const admins = () => h.uow.read((r) => r.memberships.admins(app.id, room.id));
    const page = async (offset: number, limit: number) =>
      (await h.uow.read((r) => r.memberships.listPage(app.id, room.id, offset, limit))).map(
        (a) => `${a.username}:${a.role}`,
      );
    return { ...seeded, setRole, admins, page };
  }

  describe('rolesOf', () => {
    it('gives the role of each user asked for who is in the room; the others are absent', async () => {
      const { h, app, owner, users, room } = await roomWithMembers(3);
      const [a, b, c] = users;
      await h.uow.write((r) => r.memberships.setRole(app.id, room.id, b!, 'admin'));
      const roles = await h.uow.read((r) => r.memberships.rolesOf(app.id, room.id, [c!, 'ghost' as UserId, owner, b!]));
      expect(Object.fromEntries(roles)).toEqual({ [c!]: 'member', [owner]: 'owner', [b!]: 'admin' });
      expect(roles.has(a!)).toBe(false);
    });

    it('is empty for no users, an unknown room and another app', async () => {
      const { h, app, owner, room } = await roomWithMembers(1);
      const other = await seedApp(h);
      await h.uow.read(async (r) => {
        expect((await r.memberships.rolesOf(app.id, room.id, [])).size).toBe(0);
        expect((await r.memberships.rolesOf(app.id, 'nosuchroom', [owner])).size).toBe(0);
        expect((await r.memberships.rolesOf(other.id, room.id, [owner])).size).toBe(0);
      });
    });
  });

  describe('setRole', () => {
    it('makes a member an admin and back, in place, with the member count unchanged', async () => {
      const { h, app, owner, users, room, setRole } = await roomWithMembers(3);
      const [a, b, c] = users;
      await setRole(b!, 'admin');
      expect(await affiliationsOf(h, app, room.id)).toEqual([
        `${owner}:owner`,
        `${a}:member`,
        `${b}:admin`,
        `${c}:member`,
      ]);
      await setRole(b!, 'admin');
      await setRole(b!, 'member');
      expect(await affiliationsOf(h, app, room.id)).toEqual([
        `${owner}:owner`,
        `${a}:member`,
        `${b}:member`,
        `${c}:member`,
      ]);
      expect((await roomOf(h, app, room.id)).memberCount).toBe(4);
    });

    it('never touches the owner', async () => {
      const { h, app, owner, room, setRole } = await roomWithMembers(1);
      await setRole(owner, 'member');
      await setRole(owner, 'admin');
      expect(await h.uow.read((r) => r.memberships.roleOf(app.id, room.id, owner))).toBe('owner');
      expect((await roomOf(h, app, room.id)).owner).toBe(owner);
    });

    it('does not add a user who is not in the room', async () => {
      const { h, app, room, setRole } = await roomWithMembers(1);
      const [outsider] = await seedUsers(h, app, 1, 'outsider');
      await setRole(outsider!, 'admin');
      expect(await h.uow.read((r) => r.memberships.roleOf(app.id, room.id, outsider!))).toBeNull();
      expect((await roomOf(h, app, room.id)).memberCount).toBe(2);
    });

    it('a removed admin who joins again is an ordinary member', async () => {
      const { h, app, users, room, setRole, admins } = await roomWithMembers(1);
      await setRole(users[0]!, 'admin');
      await h.uow.write((r) => r.memberships.remove(app.id, room.id, [users[0]!]));
      await tryAddMembers(h, app, room.id, [users[0]!]);
      expect(await admins()).toEqual([]);
    });
  });

  describe('admins', () => {
    it('lists the admins in join order, not in the order they were made admins', async () => {
      const { users, setRole, admins } = await roomWithMembers(5);
      const [a, , c, , e] = users;
      expect(await admins()).toEqual([]);
      for (const u of [e!, a!, c!]) await setRole(u, 'admin');
      expect(await admins()).toEqual([a, c, e]);
      await setRole(c!, 'member');
      expect(await admins()).toEqual([a, e]);
    });

    it('is empty for an unknown room and another app', async () => {
      const { h, app, users, room, setRole } = await roomWithMembers(1);
      await setRole(users[0]!, 'admin');
      const other = await seedApp(h);
      await h.uow.read(async (r) => {
        expect(await r.memberships.admins(app.id, 'nosuchroom')).toEqual([]);
        expect(await r.memberships.admins(other.id, room.id)).toEqual([]);
      });
    });
  });

  describe('listPage', () => {
    it('pages through the owner first, then everyone else in join order', async () => {
      const { owner, users, setRole, page } = await roomWithMembers(4);
      const [a, b, c, d] = users;
      await setRole(c!, 'admin');
      const all = [`${owner}:owner`, `${a}:member`, `${b}:member`, `${c}:admin`, `${d}:member`];
      expect(await page(0, 100)).toEqual(all);
      expect(await page(0, 1)).toEqual(all.slice(0, 1));
      expect(await page(1, 2)).toEqual(all.slice(1, 3));
      expect(await page(3, 2)).toEqual(all.slice(3));
      expect(await page(4, 2)).toEqual(all.slice(4));
      expect(await page(5, 2)).toEqual([]);
      expect(await page(500, 10)).toEqual([]);
    });

    it('puts the owner first even when the owner joined last (after a transfer)', async () => {
      const { h, app, owner, users, room, page } = await roomWithMembers(2);
      const [a, b] = users;
      await h.uow.write((r) => r.memberships.transferOwnership(app.id, room.id, owner, b!));
      expect(await page(0, 10)).toEqual([`${b}:owner`, `${owner}:member`, `${a}:member`]);
      expect(await page(1, 1)).toEqual([`${owner}:member`]);
    });

    it('is empty for an unknown room and another app', async () => {
      const { h, app, room } = await roomWithMembers(1);
      const other = await seedApp(h);
      await h.uow.read(async (r) => {
        expect(await r.memberships.listPage(app.id, 'nosuchroom', 0, 10)).toEqual([]);
        expect(await r.memberships.listPage(other.id, room.id, 0, 10)).toEqual([]);
      });
    });
  });

  // As the promote use case does: lock the room, count the admins, promote while under 99.
  itRaces(
    factory,
    store,
    '100 parallel promotions in a room of 150 members end at exactly 99 admins',
    async (via, main) => {
      const app = await seedApp(main);
      const [owner, ...members] = await seedUsers(main, app, 151);
      const room = await seedRoom(main, app, owner!, members);
      const promoted = await inParallel(100, (i) =>
        via(i).uow.write(async (r) => {
          await r.chatrooms.findByIdForUpdate(app.id, room.id);
          if ((await r.memberships.admins(app.id, room.id)).length >= 99) return false;
          await r.memberships.setRole(app.id, room.id, members[i]!, 'admin');
          return true;
        }),
      );
      expect(promoted.filter(Boolean)).toHaveLength(99);
      const admins = await main.uow.read((r) => r.memberships.admins(app.id, room.id));
      expect(admins).toEqual(members.filter((_, i) => promoted[i]));
    },
  );
}
