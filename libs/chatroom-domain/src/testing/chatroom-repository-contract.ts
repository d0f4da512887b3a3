import { describe, expect, it } from 'vitest';
import type { Chatroom } from '../model/chatroom.js';
import type { UserId } from '../model/user-id.js';
import { describeChatroomModeration } from './chatroom-moderation-contract.js';
import { itRaces, useStore, type StoreFactory } from './store-factory.js';
import {
  allRooms,
  deferred,
  idsOf,
  inParallel,
  makeRoom,
  roomOf,
  seedApp,
  seedRoom,
  seedUsers,
  sleep,
  sorted,
  tryAddMembers,
  tryInsertRoom,
  uniqueSuffix,
} from './store-fixtures.js';

/** `ChatroomRepository`: insert outcomes and the room quota, lookups, keyset pages, update, delete. */
export function describeChatroomRepositoryContract(name: string, factory: StoreFactory): void {
  describe(`${name}: ChatroomRepository contract`, () => {
    const store = useStore(factory);

    describe('insert', () => {
      it('inserts a room with every field intact and no affiliations (memberCount 0 whatever was passed)', async () => {
        const h = store().main;
        const app = await seedApp(h);
        const [owner] = await seedUsers(h, app, 1);
        const room = await makeRoom(h, app, owner!, {
          name: 'Ünïcode 名前 🎉',
          description: 'd'.repeat(512),
          maxUsers: 42,
          custom: '{"k":"v"}',
          created: 1_700_000_000_789,
          muteAll: true,
          memberCount: 7,
        });
        expect(await h.uow.write((r) => r.chatrooms.insert(room, 10))).toBe('inserted');
        expect(await roomOf(h, app, room.id)).toEqual({ ...room, memberCount: 0 });
      });

      it('accepts a caller-chosen id, with its seq from the id generator', async () => {
        const h = store().main;
        const app = await seedApp(h);
        const [owner] = await seedUsers(h, app, 1);
        const room = await makeRoom(h, app, owner!, { id: `custom${uniqueSuffix()}` });
        expect(await h.uow.write((r) => r.chatrooms.insert(room, 10))).toBe('inserted');
        expect(await roomOf(h, app, room.id)).toEqual(room);
      });

      it('id-taken when the app already has the id: the stored room is unchanged and the unit stays usable', async () => {
        const h = store().main;
        const app = await seedApp(h);
        const [owner] = await seedUsers(h, app, 1);
        const first = await seedRoom(h, app, owner!);
        const clash = await makeRoom(h, app, owner!, { id: first.id, name: 'clash' });
        const later = await makeRoom(h, app, owner!);
        await h.uow.write(async (r) => {
          expect(await r.chatrooms.insert(clash, 10)).toBe('id-taken');
          // A caller may try another id in the same unit, as the create use case does.
          expect(await r.chatrooms.insert(later, 10)).toBe('inserted');
        });
        expect(await roomOf(h, app, first.id)).toEqual(first);
        expect(await roomOf(h, app, later.id)).toEqual(later);
      });

      it('an id taken in another app is free in this one', async () => {
        const h = store().main;
        const [one, two] = [await seedApp(h), await seedApp(h)];
        const [o1] = await seedUsers(h, one, 1);
        const [o2] = await seedUsers(h, two, 1);
        const id = `shared${uniqueSuffix()}`;
        await seedRoom(h, one, o1!, [], { id });
        const room = await makeRoom(h, two, o2!, { id });
        expect(await h.uow.write((r) => r.chatrooms.insert(room, 10))).toBe('inserted');
        expect((await roomOf(h, one, id)).owner).toBe(o1);
        expect((await roomOf(h, two, id)).owner).toBe(o2);
      });

      it('id-taken writes nothing: it does not use up a slot of the quota', async () => {
        const h = store().main;
        const app = await seedApp(h, { roomQuota: 2 });
        const [owner] = await seedUsers(h, app, 1);
        const first = await seedRoom(h, app, owner!);
        const clash = await makeRoom(h, app, owner!, { id: first.id });
        expect(await h.uow.write((r) => r.chatrooms.insert(clash, 2))).toBe('id-taken');
        expect(await tryInsertRoom(h, await makeRoom(h, app, owner!), 2)).toBe('inserted');
        expect(await tryInsertRoom(h, await makeRoom(h, app, owner!), 2)).toBe('quota-exceeded');
      });

      it('quota-exceeded once the app holds roomQuota rooms; the quota is per app', async () => {
        const h = store().main;
        const [app, other] = [await seedApp(h, { roomQuota: 3 }), await seedApp(h, { roomQuota: 3 })];
        const [owner] = await seedUsers(h, app, 1);
        const [otherOwner] = await seedUsers(h, other, 1);
        await seedRoom(h, other, otherOwner!);
        for (let i = 0; i < 3; i++) {
          expect(await tryInsertRoom(h, await makeRoom(h, app, owner!), 3)).toBe('inserted');
        }
        const refused = await makeRoom(h, app, owner!);
        expect(await tryInsertRoom(h, refused, 3)).toBe('quota-exceeded');
        expect(await allRooms(h, app)).toHaveLength(3);
        expect(await h.uow.read((r) => r.chatrooms.findById(app.id, refused.id))).toBeNull();
        expect(await tryInsertRoom(h, await makeRoom(h, other, otherOwner!), 3)).toBe('inserted');
      });

      it('the quota given to insert is the one applied (a lowered quota refuses at once)', async () => {
        const h = store().main;
        const app = await seedApp(h);
        const [owner] = await seedUsers(h, app, 1);
        await seedRoom(h, app, owner!);
        await seedRoom(h, app, owner!);
        expect(await tryInsertRoom(h, await makeRoom(h, app, owner!), 2)).toBe('quota-exceeded');
        expect(await tryInsertRoom(h, await makeRoom(h, app, owner!), 3)).toBe('inserted');
      });

      itRaces(
        factory,
        store,
        '40 parallel inserts against a quota of 7 end with exactly 7 rooms',
        async (via, main) => {
          const app = await seedApp(main, { roomQuota: 7 });
          const [owner] = await seedUsers(main, app, 1);
          const rooms = await inParallel(40, () => makeRoom(main, app, owner!));
          const outcomes = await inParallel(40, (i) => tryInsertRoom(via(i), rooms[i]!, 7));
          expect(outcomes.filter((o) => o === 'inserted')).toHaveLength(7);
          expect(outcomes.filter((o) => o === 'quota-exceeded')).toHaveLength(33);
          const stored = await allRooms(main, app);
          expect(sorted(idsOf(stored))).toEqual(sorted(idsOf(rooms.filter((_, i) => outcomes[i] === 'inserted'))));
        },
      );

      itRaces(factory, store, 'parallel inserts of one id: exactly one inserted', async (via, main) => {
        const app = await seedApp(main);
        const [owner] = await seedUsers(main, app, 1);
        const id = `race${uniqueSuffix()}`;
        const rooms = await inParallel(20, (i) => makeRoom(main, app, owner!, { id, name: `candidate ${i}` }));
        const outcomes = await inParallel(20, (i) => tryInsertRoom(via(i), rooms[i]!, 100));
        expect(outcomes.filter((o) => o === 'inserted')).toHaveLength(1);
        expect(outcomes.filter((o) => o === 'id-taken')).toHaveLength(19);
        const winner = rooms[outcomes.indexOf('inserted')]!;
        expect((await roomOf(main, app, id)).name).toBe(winner.name);
      });
    });

    describe('lookups', () => {
      it('findById and findByIdForUpdate: the room with its owner and member count; null when missing or in another app', async () => {
        const h = store().main;
        const [app, other] = [await seedApp(h), await seedApp(h)];
        const [owner, m1, m2] = await seedUsers(h, app, 3);
        const room = await seedRoom(h, app, owner!, [m1!, m2!], { maxUsers: 10 });
        await h.uow.write(async (r) => {
          expect(await r.chatrooms.findById(app.id, room.id)).toEqual(room);
          expect(await r.chatrooms.findByIdForUpdate(app.id, room.id)).toEqual(room);
          expect(room.memberCount).toBe(3);
          expect(await r.chatrooms.findById(app.id, `${room.id}9`)).toBeNull();
          expect(await r.chatrooms.findByIdForUpdate(app.id, `${room.id}9`)).toBeNull();
          expect(await r.chatrooms.findById(other.id, room.id)).toBeNull();
          expect(await r.chatrooms.findByIdForUpdate(other.id, room.id)).toBeNull();
        });
      });

      it('findByIds: the rooms among the ids that exist in this app, each once; empty for no ids', async () => {
        const h = store().main;
        const [app, other] = [await seedApp(h), await seedApp(h)];
        const [owner, member] = await seedUsers(h, app, 2);
        const [otherOwner] = await seedUsers(h, other, 1);
        const a = await seedRoom(h, app, owner!, [member!]);
        const b = await seedRoom(h, app, owner!);
        const foreign = await seedRoom(h, other, otherOwner!);
        await h.uow.read(async (r) => {
          const found = await r.chatrooms.findByIds(app.id, [b.id, 'nosuchroom', a.id, foreign.id, b.id]);
          expect([...found].sort((x, y) => x.seq - y.seq)).toEqual([a, b]);
          expect(await r.chatrooms.findByIds(app.id, [])).toEqual([]);
          expect(await r.chatrooms.findByIds(app.id, ['nosuchroom'])).toEqual([]);
        });
      });

      it('findByIds handles 100 ids at once', async () => {
        const h = store().main;
        const app = await seedApp(h);
        const [owner] = await seedUsers(h, app, 1);
        const rooms: Chatroom[] = [];
        for (let i = 0; i < 60; i++) rooms.push(await seedRoom(h, app, owner!));
        const asked = [...idsOf(rooms), ...Array.from({ length: 40 }, (_, i) => `missing${i}`)];
        const found = await h.uow.read((r) => r.chatrooms.findByIds(app.id, asked));
        expect(sorted(idsOf(found))).toEqual(sorted(idsOf(rooms)));
      });

      it('owner follows a transfer of ownership in every read', async () => {
        const h = store().main;
        const app = await seedApp(h);
        const [alice, bob] = await seedUsers(h, app, 2);
        const room = await seedRoom(h, app, alice!, [bob!]);
        await h.uow.write((r) => r.memberships.transferOwnership(app.id, room.id, alice!, bob!));
        expect((await roomOf(h, app, room.id)).owner).toBe(bob);
        expect((await allRooms(h, app))[0]!.owner).toBe(bob);
        await h.uow.read(async (r) => {
          expect((await r.chatrooms.findByIds(app.id, [room.id]))[0]!.owner).toBe(bob);
        });
      });

      it('memberCount follows additions and removals in every read', async () => {
        const h = store().main;
        const app = await seedApp(h);
        const [owner, m1, m2, m3] = await seedUsers(h, app, 4);
        const room = await seedRoom(h, app, owner!);
        const counts = async () => {
          const byId = (await roomOf(h, app, room.id)).memberCount;
          const byIds = (await h.uow.read((r) => r.chatrooms.findByIds(app.id, [room.id])))[0]!.memberCount;
          const inPage = (await allRooms(h, app)).find((x) => x.id === room.id)!.memberCount;
          return [byId, byIds, inPage];
        };
        expect(await counts()).toEqual([1, 1, 1]);
        await tryAddMembers(h, app, room.id, [m1!, m2!, m3!]);
        expect(await counts()).toEqual([4, 4, 4]);
        await h.uow.write((r) => r.memberships.remove(app.id, room.id, [m2!]));
        expect(await counts()).toEqual([3, 3, 3]);
        await h.uow.write((r) => r.memberships.removeEverywhere(app.id, m3!));
        expect(await counts()).toEqual([2, 2, 2]);
      });
    });

    describe('listPage', () => {
      /** An app with five rooms, `rooms` newest first, with an unused seq between each two. */
      const fiveRooms = async () => {
        const h = store().main;
        const app = await seedApp(h);
        const [owner] = await seedUsers(h, app, 1);
        const rooms: Chatroom[] = [];
        for (let i = 0; i < 5; i++) {
          rooms.unshift(await seedRoom(h, app, owner!));
          await h.ids.next();
        }
        return { h, app, owner: owner!, rooms };
      };

      it('lists the app’s rooms, highest seq first, with every field', async () => {
        const { h, app, rooms } = await fiveRooms();
        const other = await seedApp(h);
        const [otherOwner] = await seedUsers(h, other, 1);
        await seedRoom(h, other, otherOwner!);
        expect(await h.uow.read((r) => r.chatrooms.listPage(app.id, 10))).toEqual(rooms);
      });

      it('orders by seq, not by id and not by insertion order', async () => {
        const h = store().main;
        const app = await seedApp(h);
        const [owner] = await seedUsers(h, app, 1);
        const older = await makeRoom(h, app, owner!, { id: `zzz${uniqueSuffix()}` });
        const newer = await makeRoom(h, app, owner!, { id: `aaa${uniqueSuffix()}` });
        // Inserted newest first: the order must still come from seq.
        await h.uow.write(async (r) => {
          await r.chatrooms.insert(newer, 10);
          await r.chatrooms.insert(older, 10);
        });
        expect(idsOf(await allRooms(h, app))).toEqual([newer.id, older.id]);
      });

      it('limit cuts the first page; limit 1 gives the newest room', async () => {
        const { h, app, rooms } = await fiveRooms();
        await h.uow.read(async (r) => {
          expect(await r.chatrooms.listPage(app.id, 2)).toEqual(rooms.slice(0, 2));
          expect(await r.chatrooms.listPage(app.id, 1)).toEqual(rooms.slice(0, 1));
          expect(await r.chatrooms.listPage(app.id, 5)).toEqual(rooms);
        });
      });

      it('beforeSeq is exclusive: a page starts right after the room whose seq is given', async () => {
        const { h, app, rooms } = await fiveRooms();
        await h.uow.read(async (r) => {
          expect(await r.chatrooms.listPage(app.id, 2, rooms[1]!.seq)).toEqual(rooms.slice(2, 4));
          expect(await r.chatrooms.listPage(app.id, 1, rooms[3]!.seq)).toEqual([rooms[4]]);
          expect(await r.chatrooms.listPage(app.id, 10, rooms[0]!.seq + 1)).toEqual(rooms);
          expect(await r.chatrooms.listPage(app.id, 10, rooms[0]!.seq)).toEqual(rooms.slice(1));
        });
      });

      it('beforeSeq between two seqs, and the empty last page', async () => {
        const { h, app, rooms } = await fiveRooms();
        await h.uow.read(async (r) => {
          expect(await r.chatrooms.listPage(app.id, 10, rooms[2]!.seq + 1)).toEqual(rooms.slice(2));
          expect(await r.chatrooms.listPage(app.id, 10, rooms[4]!.seq)).toEqual([]);
          expect(await r.chatrooms.listPage(app.id, 10, 1)).toEqual([]);
        });
      });

      it('an app without rooms has an empty list', async () => {
        const h = store().main;
        const app = await seedApp(h);
        expect(await h.uow.read((r) => r.chatrooms.listPage(app.id, 10))).toEqual([]);
      });

      it('paging with the last seq as the next beforeSeq visits every room once, even when rooms are created meanwhile', async () => {
        const { h, app, owner, rooms } = await fiveRooms();
        const seen: Chatroom[] = [];
        let before: number | undefined;
        for (;;) {
          const page: Chatroom[] = await h.uow.read((r) => r.chatrooms.listPage(app.id, 2, before));
          if (page.length === 0) break;
          seen.push(...page);
          before = page[page.length - 1]!.seq;
          await seedRoom(h, app, owner); // newer than every page: must not show up
        }
        expect(idsOf(seen)).toEqual(idsOf(rooms));
      });

      it('a page skips rooms deleted meanwhile and repeats none', async () => {
        const { h, app, rooms } = await fiveRooms();
        const first = await h.uow.read((r) => r.chatrooms.listPage(app.id, 2));
        await h.uow.write((r) => r.chatrooms.delete(app.id, rooms[2]!.id));
        const second = await h.uow.read((r) => r.chatrooms.listPage(app.id, 2, first[1]!.seq));
        expect(idsOf(second)).toEqual([rooms[3]!.id, rooms[4]!.id]);
      });
    });

    describe('update', () => {
      it('changes only the fields in the patch', async () => {
        const h = store().main;
        const app = await seedApp(h);
        const [owner] = await seedUsers(h, app, 1);
        const room = await seedRoom(h, app, owner!, [], { maxUsers: 10 });
        await h.uow.write((r) => r.chatrooms.update(app.id, room.id, { name: 'renamed' }));
        expect(await roomOf(h, app, room.id)).toEqual({ ...room, name: 'renamed' });
        await h.uow.write((r) => r.chatrooms.update(app.id, room.id, { description: '', maxUsers: 20 }));
        expect(await roomOf(h, app, room.id)).toEqual({ ...room, name: 'renamed', description: '', maxUsers: 20 });
        // A field present but undefined is not in the patch.
        await h.uow.write((r) =>
          r.chatrooms.update(app.id, room.id, { name: 'again', description: undefined, maxUsers: undefined }),
        );
        expect(await roomOf(h, app, room.id)).toEqual({ ...room, name: 'again', description: '', maxUsers: 20 });
      });

      it('touches only the room of its own app', async () => {
        const h = store().main;
        const [app, other] = [await seedApp(h), await seedApp(h)];
        const [owner] = await seedUsers(h, app, 1);
        const [otherOwner] = await seedUsers(h, other, 1);
        const id = `same${uniqueSuffix()}`;
        const room = await seedRoom(h, app, owner!, [], { id });
        await seedRoom(h, other, otherOwner!, [], { id });
        await h.uow.write((r) => r.chatrooms.update(other.id, id, { name: 'other app' }));
        expect(await roomOf(h, app, id)).toEqual(room);
      });

      it('a lowered maxUsers is the cap later additions count against', async () => {
        const h = store().main;
        const app = await seedApp(h);
        const [owner, m1, m2] = await seedUsers(h, app, 3);
        const room = await seedRoom(h, app, owner!, [], { maxUsers: 3 });
        await h.uow.write((r) => r.chatrooms.update(app.id, room.id, { maxUsers: 2 }));
        expect(await tryAddMembers(h, app, room.id, [m1!, m2!])).toEqual({ ok: false, reason: 'room-full' });
        expect(await tryAddMembers(h, app, room.id, [m1!])).toEqual({ ok: true, added: [m1], memberCount: 2 });
      });
    });

    describe('findByIdForUpdate', () => {
      it('holds off another unit’s change of the room until the locking unit ends', async () => {
        const h = store().main;
        const app = await seedApp(h);
        const [owner, member] = await seedUsers(h, app, 2);
        const room = await seedRoom(h, app, owner!, [], { maxUsers: 10 });
        const locked = deferred();
        const events: string[] = [];
        const holder = h.uow.write(async (r) => {
          await r.chatrooms.findByIdForUpdate(app.id, room.id);
          locked.resolve();
          await sleep(150);
          const again = await r.chatrooms.findById(app.id, room.id);
          events.push('holder done');
          return again;
        });
        await locked.promise;
        const renamer = h.uow
          .write((r) => r.chatrooms.update(app.id, room.id, { name: 'changed' }))
          .then(() => events.push('rename committed'));
        const joiner = tryAddMembers(h, app, room.id, [member!]).then(() => events.push('join committed'));
        const seenByHolder = await holder;
        await Promise.all([renamer, joiner]);
        expect(seenByHolder).toEqual(room);
        expect(events[0]).toBe('holder done');
        expect(await roomOf(h, app, room.id)).toEqual({ ...room, name: 'changed', memberCount: 2 });
      });

      itRaces(factory, store, 'locked read-modify-writes of one room lose no update', async (via, main) => {
        const app = await seedApp(main);
        const [owner] = await seedUsers(main, app, 1);
        const room = await seedRoom(main, app, owner!, [], { maxUsers: 100 });
        await inParallel(30, (i) =>
          via(i).uow.write(async (r) => {
            const current = await r.chatrooms.findByIdForUpdate(app.id, room.id);
            await r.chatrooms.update(app.id, room.id, { maxUsers: current!.maxUsers + 1 });
          }),
        );
        expect((await roomOf(main, app, room.id)).maxUsers).toBe(130);
      });
    });

    describe('delete', () => {
      it('deletes the room and its memberships; false when the room does not exist', async () => {
        const h = store().main;
        const app = await seedApp(h);
        const [owner, member] = await seedUsers(h, app, 2);
        const room = await seedRoom(h, app, owner!, [member!]);
        const kept = await seedRoom(h, app, member!, [owner!]);
        expect(await h.uow.write((r) => r.chatrooms.delete(app.id, room.id))).toBe(true);
        expect(await h.uow.write((r) => r.chatrooms.delete(app.id, room.id))).toBe(false);
        expect(await h.uow.write((r) => r.chatrooms.delete(app.id, 'nosuchroom'))).toBe(false);
        await h.uow.read(async (r) => {
          expect(await r.chatrooms.findById(app.id, room.id)).toBeNull();
          expect(await r.memberships.roleOf(app.id, room.id, member!)).toBeNull();
          expect(await r.memberships.roleOf(app.id, room.id, owner!)).toBeNull();
          expect([...(await r.memberships.affiliations(app.id, [room.id, kept.id])).keys()]).toEqual([kept.id]);
          expect(await r.memberships.joinedRooms(app.id, member!, 0, 10)).toEqual([{ id: kept.id, name: kept.name }]);
          expect(idsOf(await r.chatrooms.listPage(app.id, 10))).toEqual([kept.id]);
        });
      });

      it('deletes only in its own app', async () => {
        const h = store().main;
        const [app, other] = [await seedApp(h), await seedApp(h)];
        const [owner] = await seedUsers(h, app, 1);
        const room = await seedRoom(h, app, owner!);
        expect(await h.uow.write((r) => r.chatrooms.delete(other.id, room.id))).toBe(false);
        expect(await roomOf(h, app, room.id)).toEqual(room);
      });

      it('gives back the room’s quota slot', async () => {
        const h = store().main;
        const app = await seedApp(h, { roomQuota: 1 });
        const [owner] = await seedUsers(h, app, 1);
        const room = await seedRoom(h, app, owner!);
        expect(await tryInsertRoom(h, await makeRoom(h, app, owner!), 1)).toBe('quota-exceeded');
        await h.uow.write((r) => r.chatrooms.delete(app.id, room.id));
        expect(await tryInsertRoom(h, await makeRoom(h, app, owner!), 1)).toBe('inserted');
      });

      it('gives back each member’s joined-room slot', async () => {
        const h = store().main;
        const app = await seedApp(h, { joinedRoomCap: 1 });
        const [owner, member, otherOwner] = await seedUsers(h, app, 3);
        const room = await seedRoom(h, app, owner!, [member!]);
        const next = await seedRoom(h, app, otherOwner!);
        expect(await tryAddMembers(h, app, next.id, [member!])).toEqual({
          ok: false,
          reason: 'user-cap',
          username: member,
        });
        await h.uow.write((r) => r.chatrooms.delete(app.id, room.id));
        expect(await tryAddMembers(h, app, next.id, [member!, owner!])).toEqual({
          ok: true,
          added: [member, owner],
          memberCount: 3,
        });
      });

      it('deleteOwnedBy deletes the rooms the user owns in this app, and only those, each with its members (owner first, then join order)', async () => {
        const h = store().main;
        const [app, other] = [await seedApp(h), await seedApp(h)];
        const [alice, bob, carol, dave] = await seedUsers(h, app, 4);
        const [otherAlice] = await seedUsers(h, other, 1);
        const a1 = await seedRoom(h, app, alice!, [bob!, dave!, carol!]);
        const a2 = await seedRoom(h, app, alice!);
        const b1 = await seedRoom(h, app, bob!, [alice!]);
        const o1 = await seedRoom(h, other, otherAlice!);
        const deleted = await h.uow.write((r) => r.chatrooms.deleteOwnedBy(app.id, alice!));
        expect([...deleted].sort((x, y) => x.id.localeCompare(y.id))).toEqual(
          [
            { id: a1.id, members: [alice, bob, dave, carol] },
            { id: a2.id, members: [alice] },
          ].sort((x, y) => x.id.localeCompare(y.id)),
        );
        expect(idsOf(await allRooms(h, app))).toEqual([b1.id]);
        expect(idsOf(await allRooms(h, other))).toEqual([o1.id]);
        expect(await h.uow.write((r) => r.chatrooms.deleteOwnedBy(app.id, 'nobody' as UserId))).toEqual([]);
        await h.uow.read(async (r) => {
          expect(await r.memberships.joinedRooms(app.id, bob!, 0, 10)).toEqual([{ id: b1.id, name: b1.name }]);
        });
      });

      it('deleteOwnedBy follows a transfer of ownership', async () => {
        const h = store().main;
        const app = await seedApp(h);
        const [alice, bob] = await seedUsers(h, app, 2);
        const room = await seedRoom(h, app, alice!, [bob!]);
        await h.uow.write((r) => r.memberships.transferOwnership(app.id, room.id, alice!, bob!));
        expect(await h.uow.write((r) => r.chatrooms.deleteOwnedBy(app.id, alice!))).toEqual([]);
        // The new owner first, although alice joined before bob.
        expect(await h.uow.write((r) => r.chatrooms.deleteOwnedBy(app.id, bob!))).toEqual([
          { id: room.id, members: [bob, alice] },
        ]);
      });

      it('deleteOwnedBy gives back every quota slot and each member’s slot in every room left', async () => {
        const h = store().main;
        const app = await seedApp(h, { roomQuota: 3, joinedRoomCap: 2 });
        const [owner, member, otherOwner] = await seedUsers(h, app, 3);
        await seedRoom(h, app, owner!, [member!]);
        await seedRoom(h, app, owner!, [member!]);
        const next = await seedRoom(h, app, otherOwner!);
        expect(await tryInsertRoom(h, await makeRoom(h, app, otherOwner!), 3)).toBe('quota-exceeded');
        expect(await tryAddMembers(h, app, next.id, [member!])).toEqual({
          ok: false,
          reason: 'user-cap',
          username: member,
        });
        await h.uow.write((r) => r.chatrooms.deleteOwnedBy(app.id, owner!));
        expect(await tryInsertRoom(h, await makeRoom(h, app, otherOwner!), 3)).toBe('inserted');
        expect(await tryInsertRoom(h, await makeRoom(h, app, otherOwner!), 3)).toBe('inserted');
        expect(await tryAddMembers(h, app, next.id, [member!, owner!])).toEqual({
          ok: true,
          added: [member, owner],
          memberCount: 3,
        });
      });

      it('an id freed by delete can be inserted again', async () => {
        const h = store().main;
        const app = await seedApp(h);
        const [owner] = await seedUsers(h, app, 1);
        const id = `reuse${uniqueSuffix()}`;
        await seedRoom(h, app, owner!, [], { id });
        await h.uow.write((r) => r.chatrooms.delete(app.id, id));
        const again = await makeRoom(h, app, owner!, { id });
        expect(await tryInsertRoom(h, again, 10)).toBe('inserted');
        expect(await roomOf(h, app, id)).toEqual(again);
      });

      itRaces(
        factory,
        store,
        'deletions and insertions racing at the quota keep the quota count true',
        async (via, main) => {
          const app = await seedApp(main, { roomQuota: 5 });
          const [owner] = await seedUsers(main, app, 1);
          const old: Chatroom[] = [];
          for (let i = 0; i < 5; i++) old.push(await seedRoom(main, app, owner!));
          const fresh = await inParallel(10, () => makeRoom(main, app, owner!));
          const outcomes = await inParallel(15, (i) =>
            i < 5
              ? via(i)
                  .uow.write((r) => r.chatrooms.delete(app.id, old[i]!.id))
                  .then(String)
              : tryInsertRoom(via(i), fresh[i - 5]!, 5),
          );
          expect(outcomes.slice(0, 5)).toEqual(Array(5).fill('true'));
          const inserted = outcomes.slice(5).filter((o) => o === 'inserted').length;
          expect(await allRooms(main, app)).toHaveLength(inserted);
          // The quota counter is true: the app fills up to exactly 5 rooms.
          for (let i = inserted; i < 5; i++) {
            expect(await tryInsertRoom(main, await makeRoom(main, app, owner!), 5)).toBe('inserted');
          }
          expect(await tryInsertRoom(main, await makeRoom(main, app, owner!), 5)).toBe('quota-exceeded');
        },
      );

      itRaces(factory, store, 'parallel deletes of one room: exactly one returns true', async (via, main) => {
        const app = await seedApp(main, { roomQuota: 1 });
        const [owner, member] = await seedUsers(main, app, 2);
        const room = await seedRoom(main, app, owner!, [member!]);
        const deleted = await inParallel(10, (i) => via(i).uow.write((r) => r.chatrooms.delete(app.id, room.id)));
        expect(deleted.filter(Boolean)).toHaveLength(1);
        // The slot came back exactly once.
        expect(await tryInsertRoom(main, await makeRoom(main, app, owner!), 1)).toBe('inserted');
        expect(await tryInsertRoom(main, await makeRoom(main, app, owner!), 1)).toBe('quota-exceeded');
      });
    });

    describeChatroomModeration(store);
  });
}
