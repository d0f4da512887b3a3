import { describe, expect, it } from 'vitest';
import type { Chatroom } from '../model/chatroom.js';
import type { UserId } from '../model/user-id.js';
import type { AddMembersOutcome, RemovedMembers } from '../ports/membership-repository.js';
import { describeMembershipRoles } from './membership-roles-contract.js';
import { itRaces, useStore, type StoreFactory } from './store-factory.js';
import {
  affiliationsOf,
  countMismatches,
  idsOf,
  inParallel,
  makeRoom,
  roomOf,
  seedApp,
  seedRoom,
  seedUsers,
  sorted,
  tryAddMembers,
  writeOrRollback,
} from './store-fixtures.js';

/** `MembershipRepository`: who is in which room, with the member cap and the joined-room cap held atomically. */
export function describeMembershipRepositoryContract(name: string, factory: StoreFactory): void {
  describe(`${name}: MembershipRepository contract`, () => {
    const store = useStore(factory);

    describe('add', () => {
      it('adds with the given role and returns the added users in the order given, with the count after', async () => {
        const h = store().main;
        const app = await seedApp(h);
        const [owner, a, b, c] = await seedUsers(h, app, 4);
        const room = await seedRoom(h, app, owner!);
        expect(await tryAddMembers(h, app, room.id, [c!, a!, b!])).toEqual({
          ok: true,
          added: [c, a, b],
          memberCount: 4,
        });
        await h.uow.read(async (r) => {
          expect(await r.memberships.roleOf(app.id, room.id, owner!)).toBe('owner');
          expect(await r.memberships.roleOf(app.id, room.id, a!)).toBe('member');
        });
        expect(await affiliationsOf(h, app, room.id)).toEqual([
          `${owner}:owner`,
          `${c}:member`,
          `${a}:member`,
          `${b}:member`,
        ]);
      });

      it('adds admins with their role', async () => {
        const h = store().main;
        const app = await seedApp(h);
        const [owner, member, admin] = await seedUsers(h, app, 3);
        const room = await seedRoom(h, app, owner!, [member!]);
        expect(await tryAddMembers(h, app, room.id, [admin!], 'admin')).toEqual({
          ok: true,
          added: [admin],
          memberCount: 3,
        });
        expect(await h.uow.read((r) => r.memberships.roleOf(app.id, room.id, admin!))).toBe('admin');
        expect(await affiliationsOf(h, app, room.id)).toEqual([`${owner}:owner`, `${member}:member`, `${admin}:admin`]);
      });

      it('skips users already in the room (their role unchanged) and keeps the order of the rest; no count when nobody was added', async () => {
        const h = store().main;
        const app = await seedApp(h);
        const [owner, a, b, c] = await seedUsers(h, app, 4);
        const room = await seedRoom(h, app, owner!, [b!]);
        expect(await tryAddMembers(h, app, room.id, [c!, b!, owner!, a!])).toEqual({
          ok: true,
          added: [c, a],
          memberCount: 4,
        });
        expect(await tryAddMembers(h, app, room.id, [a!, owner!])).toStrictEqual({ ok: true, added: [] });
        expect(await h.uow.read((r) => r.memberships.roleOf(app.id, room.id, owner!))).toBe('owner');
        expect((await roomOf(h, app, room.id)).memberCount).toBe(4);
      });

      it('fills the room exactly to maxUsers, then refuses room-full', async () => {
        const h = store().main;
        const app = await seedApp(h);
        const [owner, a, b, c] = await seedUsers(h, app, 4);
        const room = await seedRoom(h, app, owner!, [], { maxUsers: 3 });
        expect(await tryAddMembers(h, app, room.id, [a!, b!])).toEqual({ ok: true, added: [a, b], memberCount: 3 });
        expect(await tryAddMembers(h, app, room.id, [c!])).toEqual({ ok: false, reason: 'room-full' });
        // Users already in the room take no new place.
        expect(await tryAddMembers(h, app, room.id, [a!, b!])).toStrictEqual({ ok: true, added: [] });
        expect((await roomOf(h, app, room.id)).memberCount).toBe(3);
      });

      it('refuses a whole batch that would pass maxUsers; nothing is left once the unit is rolled back', async () => {
        const h = store().main;
        const app = await seedApp(h);
        const [owner, a, b, c, d] = await seedUsers(h, app, 5);
        const room = await seedRoom(h, app, owner!, [a!], { maxUsers: 4 });
        const outcome = await writeOrRollback(
          h.uow,
          async (r) => {
            // Fits on its own, and is undone with the refused batch after it.
            expect(await r.memberships.add(app.id, room.id, [b!], 'member', 10)).toEqual({
              ok: true,
              added: [b],
              memberCount: 3,
            });
            return r.memberships.add(app.id, room.id, [a!, c!, d!], 'member', 10);
          },
          (o) => o.ok,
        );
        expect(outcome).toEqual({ ok: false, reason: 'room-full' });
        expect(await affiliationsOf(h, app, room.id)).toEqual([`${owner}:owner`, `${a}:member`]);
        expect((await roomOf(h, app, room.id)).memberCount).toBe(2);
        expect(await tryAddMembers(h, app, room.id, [b!, c!])).toEqual({ ok: true, added: [b, c], memberCount: 4 });
      });

      it('refuses user-cap naming the user who would pass joinedRoomCap (owner rooms count)', async () => {
        const h = store().main;
        const app = await seedApp(h);
        const [owner, free, busy, free2] = await seedUsers(h, app, 4);
        await seedRoom(h, app, busy!); // busy owns one room
        await seedRoom(h, app, owner!, [busy!]); // and is a member of another
        const room = await seedRoom(h, app, owner!);
        expect(await tryAddMembers(h, app, room.id, [free!, busy!, free2!], 'member', 2)).toEqual({
          ok: false,
          reason: 'user-cap',
          username: busy,
        });
        expect(await affiliationsOf(h, app, room.id)).toEqual([`${owner}:owner`]);
        expect(await tryAddMembers(h, app, room.id, [free!, busy!, free2!], 'member', 3)).toEqual({
          ok: true,
          added: [free, busy, free2],
          memberCount: 4,
        });
      });

      it('the joined-room cap is per app', async () => {
        const h = store().main;
        const [app, other] = [await seedApp(h), await seedApp(h)];
        const [owner, user] = await seedUsers(h, app, 2);
        const [otherOwner, sameName] = await seedUsers(h, other, 2);
        expect(sameName).toBe(user);
        await seedRoom(h, other, otherOwner!, [sameName!]);
        const room = await seedRoom(h, app, owner!);
        expect(await tryAddMembers(h, app, room.id, [user!], 'member', 1)).toEqual({
          ok: true,
          added: [user],
          memberCount: 2,
        });
      });

      itRaces(
        factory,
        store,
        '200 parallel single additions to a room with maxUsers 50 end at exactly 50',
        async (via, main) => {
          const app = await seedApp(main);
          const [owner, ...users] = await seedUsers(main, app, 201);
          const room = await seedRoom(main, app, owner!, [], { maxUsers: 50 });
          const outcomes = await inParallel(200, (i) => tryAddMembers(via(i), app, room.id, [users[i]!]));
          expect(outcomes.filter((o) => o.ok)).toHaveLength(49);
          expect(outcomes.filter((o) => !o.ok && o.reason === 'room-full')).toHaveLength(151);
          const affiliations = await affiliationsOf(main, app, room.id);
          expect(affiliations).toHaveLength(50);
          expect((await roomOf(main, app, room.id)).memberCount).toBe(50);
          const added = outcomes.flatMap((o) => (o.ok ? o.added : []));
          expect(sorted(affiliations.slice(1))).toEqual(sorted(added.map((u) => `${u}:member`)));
          // Each addition's count is the one its own statement left: 2, 3, …, 50, each once.
          expect(countsOf(outcomes)).toEqual(Array.from({ length: 49 }, (_, i) => i + 2));
        },
      );

      itRaces(
        factory,
        store,
        '20 parallel batches of 10 into room for 55 more: whole batches only, never above the cap',
        async (via, main) => {
          const app = await seedApp(main);
          const [owner, ...users] = await seedUsers(main, app, 201);
          const room = await seedRoom(main, app, owner!, [], { maxUsers: 56 });
          const batches = Array.from({ length: 20 }, (_, i) => users.slice(i * 10, i * 10 + 10));
          const outcomes = await inParallel(20, (i) => tryAddMembers(via(i), app, room.id, batches[i]!));
          expect(outcomes.filter((o) => o.ok)).toHaveLength(5);
          const members = new Set((await affiliationsOf(main, app, room.id)).slice(1).map((a) => a.split(':')[0]));
          expect(members.size).toBe(50);
          outcomes.forEach((o, i) => {
            for (const u of batches[i]!) expect(members.has(u)).toBe(o.ok);
          });
          expect((await roomOf(main, app, room.id)).memberCount).toBe(51);
          expect(countsOf(outcomes)).toEqual([11, 21, 31, 41, 51]);
        },
      );

      itRaces(factory, store, 'parallel additions of one user to one room add the user once', async (via, main) => {
        const app = await seedApp(main);
        const [owner, user] = await seedUsers(main, app, 2);
        const room = await seedRoom(main, app, owner!);
        const outcomes = await inParallel(20, (i) => tryAddMembers(via(i), app, room.id, [user!]));
        const added = outcomes.flatMap((o) => (o.ok ? o.added : ['refused']));
        expect(added).toEqual([user]);
        expect(countsOf(outcomes)).toEqual([2]);
        expect(await affiliationsOf(main, app, room.id)).toEqual([`${owner}:owner`, `${user}:member`]);
        expect((await roomOf(main, app, room.id)).memberCount).toBe(2);
      });

      itRaces(
        factory,
        store,
        'parallel additions of one user to many rooms stop exactly at the joined-room cap',
        async (via, main) => {
          const app = await seedApp(main);
          const [owner, user] = await seedUsers(main, app, 2);
          const rooms: Chatroom[] = [];
          for (let i = 0; i < 16; i++) rooms.push(await seedRoom(main, app, owner!, [], { maxUsers: 10 }));
          // The owner is at 16 rooms: the cap given to add, not the app's, is the one applied.
          const outcomes = await inParallel(16, (i) => tryAddMembers(via(i), app, rooms[i]!.id, [user!], 'member', 5));
          expect(outcomes.filter((o) => o.ok)).toHaveLength(5);
          expect(countsOf(outcomes)).toEqual([2, 2, 2, 2, 2]);
          expect(outcomes.filter((o) => !o.ok)).toEqual(
            Array(11).fill({ ok: false, reason: 'user-cap', username: user }),
          );
          const joined = await main.uow.read((r) => r.memberships.joinedRooms(app.id, user!, 0, 100));
          expect(sorted(joined.map((j) => j.id))).toEqual(
            sorted(rooms.filter((_, i) => outcomes[i]!.ok).map((r) => r.id)),
          );
        },
      );
    });

    itRaces(
      factory,
      store,
      'parallel batches naming the same users in different orders all succeed (no deadlock escapes)',
      async (via, main) => {
        const app = await seedApp(main);
        const [owner, ...users] = await seedUsers(main, app, 7);
        const rooms: Chatroom[] = [];
        for (let i = 0; i < 12; i++) rooms.push(await seedRoom(main, app, owner!));
        const outcomes = await inParallel(12, (i) => {
          const order = i % 2 === 0 ? users : [...users].reverse();
          const rotated = [...order.slice(i % users.length), ...order.slice(0, i % users.length)];
          return tryAddMembers(via(i), app, rooms[i]!.id, rotated);
        });
        expect(
          outcomes.every((o) => o.ok && o.added.length === users.length && o.memberCount === 1 + users.length),
        ).toBe(true);
        for (const user of users) {
          expect(await main.uow.read((r) => r.memberships.joinedRooms(app.id, user, 0, 100))).toHaveLength(12);
        }
        expect(await countMismatches(main, app, idsOf(rooms))).toEqual([]);
      },
    );

    itRaces(
      factory,
      store,
      'additions and removals racing in a full room keep the count true and within maxUsers',
      async (via, main) => {
        const app = await seedApp(main);
        const [owner, ...users] = await seedUsers(main, app, 31);
        const inside = users.slice(0, 9);
        const outside = users.slice(9);
        const room = await seedRoom(main, app, owner!, inside, { maxUsers: 10 });
        const storm = await inParallel<AddMembersOutcome | RemovedMembers>(30, (i) =>
          i < 9
            ? via(i).uow.write((r) => r.memberships.remove(app.id, room.id, [inside[i]!]))
            : tryAddMembers(via(i), app, room.id, [outside[i - 9]!]),
        );
        const stored = await roomOf(main, app, room.id);
        expect(stored.memberCount).toBeLessThanOrEqual(10);
        expect(await countMismatches(main, app, [room.id])).toEqual([]);
        // Every change returned the count it left, each within the cap (9 removals, some additions).
        const counts = storm.flatMap((o) =>
          'removed' in o ? (o.removed.length > 0 ? [o.memberCount] : []) : o.ok ? [o.memberCount] : [],
        );
        expect(counts.length).toBeGreaterThanOrEqual(9);
        for (const n of counts) expect(n).toSatisfy((x?: number) => x !== undefined && x >= 1 && x <= 10);
        // The counter is true: the room fills up to exactly maxUsers and no further.
        const members = new Set((await affiliationsOf(main, app, room.id)).map((a) => a.split(':')[0]));
        const spare = users.filter((u) => !members.has(u));
        const fill = await inParallel(spare.length, (i) => tryAddMembers(via(i), app, room.id, [spare[i]!]));
        expect((await roomOf(main, app, room.id)).memberCount).toBe(10);
        expect(fill.filter((o) => o.ok && o.added.length > 0)).toHaveLength(10 - stored.memberCount);
        expect(countsOf(fill)).toEqual(
          Array.from({ length: 10 - stored.memberCount }, (_, i) => stored.memberCount + 1 + i),
        );
      },
    );

    itRaces(
      factory,
      store,
      'additions racing the deletion of their room leave no joined-room slot taken',
      async (via, main) => {
        const app = await seedApp(main);
        const [owner, ...users] = await seedUsers(main, app, 21);
        const room = await seedRoom(main, app, owner!);
        const deletion = via(1).uow.write((r) => r.chatrooms.delete(app.id, room.id));
        // As a use case does: lock the room, add only if it still exists (add to a missing room is undefined).
        await inParallel(20, (i) =>
          writeOrRollback(
            via(i).uow,
            async (r) => {
              if (!(await r.chatrooms.findByIdForUpdate(app.id, room.id))) return null;
              return r.memberships.add(app.id, room.id, [users[i]!], 'member', 10);
            },
            (o) => o === null || o.ok,
          ),
        );
        expect(await deletion).toBe(true);
        expect(await main.uow.read((r) => r.chatrooms.findById(app.id, room.id))).toBeNull();
        const next = await seedRoom(main, app, owner!);
        // With a cap of 1, every user must still have their one slot free.
        expect(await tryAddMembers(main, app, next.id, users, 'member', 1)).toEqual({
          ok: true,
          added: users,
          memberCount: 21,
        });
      },
    );

    describe('remove and removeEverywhere', () => {
      it('remove takes the users out, returns those that were members in the order asked with the count after, and frees their places', async () => {
        const h = store().main;
        const app = await seedApp(h);
        const [owner, a, b, c, outsider] = await seedUsers(h, app, 5);
        const room = await seedRoom(h, app, owner!, [a!, b!], { maxUsers: 3 });
        const removed = await h.uow.write((r) => r.memberships.remove(app.id, room.id, [b!, outsider!, a!]));
        expect(removed).toEqual({ removed: [b, a], memberCount: 1 });
        expect(await h.uow.write((r) => r.memberships.remove(app.id, room.id, [a!]))).toStrictEqual({ removed: [] });
        expect(await h.uow.write((r) => r.memberships.remove(app.id, room.id, []))).toStrictEqual({ removed: [] });
        expect(await h.uow.read((r) => r.memberships.roleOf(app.id, room.id, a!))).toBeNull();
        expect((await roomOf(h, app, room.id)).memberCount).toBe(1);
        expect(await tryAddMembers(h, app, room.id, [c!, a!])).toEqual({ ok: true, added: [c, a], memberCount: 3 });
        expect(await h.uow.read((r) => r.memberships.joinedRooms(app.id, b!, 0, 10))).toEqual([]);
      });

      it('remove frees the joined-room slot', async () => {
        const h = store().main;
        const app = await seedApp(h, { joinedRoomCap: 1 });
        const [o1, o2, user] = await seedUsers(h, app, 3);
        const first = await seedRoom(h, app, o1!, [user!]);
        const second = await seedRoom(h, app, o2!);
        expect(await tryAddMembers(h, app, second.id, [user!])).toEqual({
          ok: false,
          reason: 'user-cap',
          username: user,
        });
        await h.uow.write((r) => r.memberships.remove(app.id, first.id, [user!]));
        expect(await tryAddMembers(h, app, second.id, [user!])).toEqual({ ok: true, added: [user], memberCount: 2 });
      });

      it('a member who leaves and joins again goes to the end of the join order', async () => {
        const h = store().main;
        const app = await seedApp(h);
        const [owner, a, b] = await seedUsers(h, app, 3);
        const room = await seedRoom(h, app, owner!, [a!, b!]);
        await h.uow.write((r) => r.memberships.remove(app.id, room.id, [a!]));
        await tryAddMembers(h, app, room.id, [a!]);
        expect(await affiliationsOf(h, app, room.id)).toEqual([`${owner}:owner`, `${b}:member`, `${a}:member`]);
      });

      itRaces(factory, store, 'parallel removals of one member remove it once', async (via, main) => {
        const app = await seedApp(main);
        const [owner, a, b] = await seedUsers(main, app, 3);
        const room = await seedRoom(main, app, owner!, [a!, b!]);
        const results = await inParallel(10, (i) =>
          via(i).uow.write((r) => r.memberships.remove(app.id, room.id, [a!])),
        );
        expect(results.filter((x) => x.removed.length > 0)).toEqual([{ removed: [a], memberCount: 2 }]);
        expect((await roomOf(main, app, room.id)).memberCount).toBe(2);
      });

      itRaces(
        factory,
        store,
        'parallel removals of different members each return the exact count they left',
        async (via, main) => {
          const app = await seedApp(main);
          const [owner, ...users] = await seedUsers(main, app, 21);
          const room = await seedRoom(main, app, owner!, users);
          const results = await inParallel(20, (i) =>
            via(i).uow.write((r) => r.memberships.remove(app.id, room.id, [users[i]!])),
          );
          expect(results.map((x) => x.memberCount).sort((x, y) => x! - y!)).toEqual(
            Array.from({ length: 20 }, (_, i) => i + 1),
          );
          expect((await roomOf(main, app, room.id)).memberCount).toBe(1);
        },
      );

      it('removeEverywhere leaves every room of the app, returns them, and updates each count', async () => {
        const h = store().main;
        const [app, other] = [await seedApp(h), await seedApp(h)];
        const [owner, user, bystander] = await seedUsers(h, app, 3);
        const [otherOwner, sameName] = await seedUsers(h, other, 2);
        const r1 = await seedRoom(h, app, owner!, [user!, bystander!]);
        const r2 = await seedRoom(h, app, owner!, [user!]);
        const untouched = await seedRoom(h, app, owner!, [bystander!]);
        const foreign = await seedRoom(h, other, otherOwner!, [sameName!]);
        const left = await h.uow.write((r) => r.memberships.removeEverywhere(app.id, user!));
        expect([...left].sort((x, y) => x.roomId.localeCompare(y.roomId))).toEqual(
          [
            { roomId: r1.id, memberCount: 2 },
            { roomId: r2.id, memberCount: 1 },
          ].sort((x, y) => x.roomId.localeCompare(y.roomId)),
        );
        expect((await roomOf(h, app, r1.id)).memberCount).toBe(2);
        expect((await roomOf(h, app, r2.id)).memberCount).toBe(1);
        expect(await roomOf(h, app, untouched.id)).toEqual(untouched);
        expect(await roomOf(h, other, foreign.id)).toEqual(foreign);
        expect(await h.uow.read((r) => r.memberships.joinedRooms(app.id, user!, 0, 10))).toEqual([]);
        expect(await h.uow.write((r) => r.memberships.removeEverywhere(app.id, user!))).toEqual([]);
      });

      it('removeEverywhere leaves the rooms the user owns as they are', async () => {
        const h = store().main;
        const app = await seedApp(h);
        const [owner, member] = await seedUsers(h, app, 2);
        const owned = await seedRoom(h, app, owner!, [member!]);
        const joined = await seedRoom(h, app, member!, [owner!]);
        expect(await h.uow.write((r) => r.memberships.removeEverywhere(app.id, owner!))).toEqual([
          { roomId: joined.id, memberCount: 1 },
        ]);
        expect(await roomOf(h, app, owned.id)).toEqual(owned);
        expect(await affiliationsOf(h, app, owned.id)).toEqual([`${owner}:owner`, `${member}:member`]);
      });

      it('removeEverywhere frees the joined-room slots', async () => {
        const h = store().main;
        const app = await seedApp(h);
        const [owner, user] = await seedUsers(h, app, 2);
        await seedRoom(h, app, owner!, [user!]);
        await seedRoom(h, app, owner!, [user!]);
        const third = await seedRoom(h, app, owner!, [], { maxUsers: 10 });
        await h.uow.write((r) => r.memberships.removeEverywhere(app.id, user!));
        expect(await tryAddMembers(h, app, third.id, [user!], 'member', 1)).toEqual({
          ok: true,
          added: [user],
          memberCount: 2,
        });
      });
    });

    describe('roleOf and transferOwnership', () => {
      it('roleOf is null for a non-member, an unknown room and another app', async () => {
        const h = store().main;
        const [app, other] = [await seedApp(h), await seedApp(h)];
        const [owner, outsider] = await seedUsers(h, app, 2);
        const room = await seedRoom(h, app, owner!);
        await h.uow.read(async (r) => {
          expect(await r.memberships.roleOf(app.id, room.id, outsider!)).toBeNull();
          expect(await r.memberships.roleOf(app.id, 'nosuchroom', owner!)).toBeNull();
          expect(await r.memberships.roleOf(other.id, room.id, owner!)).toBeNull();
        });
      });

      it('transferOwnership makes the member the owner and the owner a member; the count is unchanged', async () => {
        const h = store().main;
        const app = await seedApp(h);
        const [owner, a, b] = await seedUsers(h, app, 3);
        const room = await seedRoom(h, app, owner!, [a!, b!]);
        await h.uow.write((r) => r.memberships.transferOwnership(app.id, room.id, owner!, b!));
        await h.uow.read(async (r) => {
          expect(await r.memberships.roleOf(app.id, room.id, b!)).toBe('owner');
          expect(await r.memberships.roleOf(app.id, room.id, owner!)).toBe('member');
        });
        const affiliations = await affiliationsOf(h, app, room.id);
        expect(affiliations[0]).toBe(`${b}:owner`);
        expect(sorted(affiliations.slice(1))).toEqual(sorted([`${owner}:member`, `${a}:member`]));
        expect(await roomOf(h, app, room.id)).toEqual({ ...room, owner: b });
      });

      it('transfer to a non-member changes nothing', async () => {
        const h = store().main;
        const app = await seedApp(h);
        const [owner, a, outsider] = await seedUsers(h, app, 3);
        const room = await seedRoom(h, app, owner!, [a!]);
        const before = await affiliationsOf(h, app, room.id);
        expect(await h.uow.write((r) => r.memberships.transferOwnership(app.id, room.id, owner!, outsider!))).toBe(
          'not-member',
        );
        expect(await affiliationsOf(h, app, room.id)).toEqual(before);
        expect(before[0]).toBe(`${owner}:owner`);
        expect(await roomOf(h, app, room.id)).toEqual(room);
        // The unit went on and committed: a refusal is a value, nothing half-done is left behind.
        expect(await h.uow.read((r) => r.memberships.roleOf(app.id, room.id, outsider!))).toBeNull();
      });

      it('transferOwnership answers transferred', async () => {
        const h = store().main;
        const app = await seedApp(h);
        const [owner, a] = await seedUsers(h, app, 2);
        const room = await seedRoom(h, app, owner!, [a!]);
        expect(await h.uow.write((r) => r.memberships.transferOwnership(app.id, room.id, owner!, a!))).toBe(
          'transferred',
        );
        expect(await roomOf(h, app, room.id)).toEqual({ ...room, owner: a });
      });

      it('transferOwnership to an admin leaves no admin role behind', async () => {
        const h = store().main;
        const app = await seedApp(h);
        const [owner, admin] = await seedUsers(h, app, 2);
        const room = await seedRoom(h, app, owner!);
        await tryAddMembers(h, app, room.id, [admin!], 'admin');
        await h.uow.write((r) => r.memberships.transferOwnership(app.id, room.id, owner!, admin!));
        expect(await affiliationsOf(h, app, room.id)).toEqual([`${admin}:owner`, `${owner}:member`]);
      });

      itRaces(
        factory,
        store,
        '50 parallel transfers (each locking the room, as the use case does) leave exactly one owner',
        async (via, main) => {
          const app = await seedApp(main);
          const [owner, ...members] = await seedUsers(main, app, 51);
          const room = await seedRoom(main, app, owner!, members);
          await inParallel(50, (i) =>
            via(i).uow.write(async (r) => {
              const current = await r.chatrooms.findByIdForUpdate(app.id, room.id);
              if (current!.owner !== members[i]) {
                await r.memberships.transferOwnership(app.id, room.id, current!.owner, members[i]!);
              }
            }),
          );
          const affiliations = await affiliationsOf(main, app, room.id);
          const owners = affiliations.filter((a) => a.endsWith(':owner'));
          expect(owners).toHaveLength(1);
          expect(affiliations[0]).toBe(owners[0]);
          expect(affiliations).toHaveLength(51);
          expect(new Set(affiliations.map((a) => a.split(':')[0])).size).toBe(51);
          const stored = await roomOf(main, app, room.id);
          expect(stored.memberCount).toBe(51);
          expect(`${stored.owner}:owner`).toBe(owners[0]);
          expect((await main.uow.read((r) => r.chatrooms.listPage(app.id, 1)))[0]!.owner).toBe(stored.owner);
        },
      );
    });

    describe('affiliations', () => {
      it('gives several rooms at once; rooms without affiliations, unknown or of another app are absent', async () => {
        const h = store().main;
        const [app, other] = [await seedApp(h), await seedApp(h)];
        const [owner, a, b] = await seedUsers(h, app, 3);
        const [otherOwner] = await seedUsers(h, other, 1);
        const r1 = await seedRoom(h, app, owner!, [a!]);
        const r2 = await seedRoom(h, app, b!, [owner!]);
        const empty = await makeRoom(h, app, owner!);
        await h.uow.write((r) => r.chatrooms.insert(empty, 100));
        const foreign = await seedRoom(h, other, otherOwner!);
        await h.uow.read(async (r) => {
          const map = await r.memberships.affiliations(app.id, [r2.id, empty.id, 'nosuchroom', r1.id, foreign.id]);
          expect(sorted([...map.keys()])).toEqual(sorted([r1.id, r2.id]));
          expect(map.get(r1.id)).toEqual([
            { username: owner, role: 'owner' },
            { username: a, role: 'member' },
          ]);
          expect(map.get(r2.id)).toEqual([
            { username: b, role: 'owner' },
            { username: owner, role: 'member' },
          ]);
          expect((await r.memberships.affiliations(app.id, [])).size).toBe(0);
        });
        expect((await roomOf(h, app, empty.id)).memberCount).toBe(0);
      });

      it('lists the owner first even when the owner joined after the members', async () => {
        const h = store().main;
        const app = await seedApp(h);
        const [owner, a, b] = await seedUsers(h, app, 3);
        const room = await makeRoom(h, app, owner!);
        await h.uow.write(async (r) => {
          await r.chatrooms.insert(room, 100);
          await r.memberships.add(app.id, room.id, [a!], 'member', 100);
          await r.memberships.add(app.id, room.id, [b!], 'admin', 100);
          await r.memberships.add(app.id, room.id, [owner!], 'owner', 100);
        });
        expect(await affiliationsOf(h, app, room.id)).toEqual([`${owner}:owner`, `${a}:member`, `${b}:admin`]);
      });
    });

    describe('joinedRooms', () => {
      it('newest join first (not room creation order), with names, paged by offset and limit', async () => {
        const h = store().main;
        const [app, other] = [await seedApp(h), await seedApp(h)];
        const [owner, user] = await seedUsers(h, app, 2);
        const [otherOwner, sameName] = await seedUsers(h, other, 2);
        const rooms: Chatroom[] = [];
        for (let i = 0; i < 4; i++) rooms.push(await seedRoom(h, app, owner!));
        await seedRoom(h, other, otherOwner!, [sameName!]);
        for (const i of [2, 0, 3, 1]) await tryAddMembers(h, app, rooms[i]!.id, [user!]);
        const expected = [1, 3, 0, 2].map((i) => ({ id: rooms[i]!.id, name: rooms[i]!.name }));
        await h.uow.read(async (r) => {
          expect(await r.memberships.joinedRooms(app.id, user!, 0, 10)).toEqual(expected);
          expect(await r.memberships.joinedRooms(app.id, user!, 0, 1)).toEqual(expected.slice(0, 1));
          expect(await r.memberships.joinedRooms(app.id, user!, 1, 2)).toEqual(expected.slice(1, 3));
          expect(await r.memberships.joinedRooms(app.id, user!, 3, 2)).toEqual(expected.slice(3));
          expect(await r.memberships.joinedRooms(app.id, user!, 4, 2)).toEqual([]);
          expect(await r.memberships.joinedRooms(app.id, 'nobody' as UserId, 0, 10)).toEqual([]);
        });
      });

      it('includes the rooms the user owns, and shows a room’s current name', async () => {
        const h = store().main;
        const app = await seedApp(h);
        const [owner] = await seedUsers(h, app, 1);
        const room = await seedRoom(h, app, owner!);
        await h.uow.write((r) => r.chatrooms.update(app.id, room.id, { name: 'new name' }));
        expect(await h.uow.read((r) => r.memberships.joinedRooms(app.id, owner!, 0, 10))).toEqual([
          { id: room.id, name: 'new name' },
        ]);
      });
    });

    describeMembershipRoles(factory, store);
  });
}

/** The counts returned by the additions that added someone, in increasing order. */
function countsOf(outcomes: readonly AddMembersOutcome[]): (number | undefined)[] {
  return outcomes.flatMap((o) => (o.ok && o.added.length > 0 ? [o.memberCount] : [])).sort((x, y) => x! - y!);
}
