import { describe, expect, it } from 'vitest';
import type { UserId } from '../model/user-id.js';
import { itRaces, useStore, type StoreFactory } from './store-factory.js';
import {
  affiliationsOf,
  countMismatches,
  inParallel,
  seedApp,
  seedRoom,
  seedRoomWithMembers,
  seedUsers,
  sorted,
  uniqueSuffix,
  writeOrRollback,
  writeThenFail,
} from './store-fixtures.js';

/** `RoomUserListRepository`: each room's blocklist and allowlist, kept in the order users were put on them. */
export function describeRoomUserListRepositoryContract(name: string, factory: StoreFactory): void {
  describe(`${name}: RoomUserListRepository contract`, () => {
    const store = useStore(factory);

    const roomWithMembers = (count: number) => seedRoomWithMembers(store().main, count);

    it('add puts users on a list, which gives them in the order they were put on it', async () => {
      const { h, app, users, room } = await roomWithMembers(3);
      const [a, b, c] = users;
      await h.uow.write((r) => r.roomUserLists.add(app.id, room.id, 'allowlist', [c!, a!]));
      await h.uow.write((r) => r.roomUserLists.add(app.id, room.id, 'allowlist', [b!]));
      expect(await h.uow.read((r) => r.roomUserLists.list(app.id, room.id, 'allowlist'))).toEqual([c, a, b]);
    });

    it('a user put on a list again keeps their place and shows once', async () => {
      const { h, app, users, room } = await roomWithMembers(3);
      const [a, b, c] = users;
      await h.uow.write((r) => r.roomUserLists.add(app.id, room.id, 'blocklist', [a!, b!]));
      await h.uow.write((r) => r.roomUserLists.add(app.id, room.id, 'blocklist', [b!, c!, a!, c!]));
      expect(await h.uow.read((r) => r.roomUserLists.list(app.id, room.id, 'blocklist'))).toEqual([a, b, c]);
    });

    it('a list is empty for a new room, for an unknown room, and after adding nobody', async () => {
      const { h, app, room } = await roomWithMembers(1);
      await h.uow.write((r) => r.roomUserLists.add(app.id, room.id, 'blocklist', []));
      await h.uow.read(async (r) => {
        expect(await r.roomUserLists.list(app.id, room.id, 'blocklist')).toEqual([]);
        expect(await r.roomUserLists.list(app.id, room.id, 'allowlist')).toEqual([]);
        expect(await r.roomUserLists.list(app.id, 'nosuchroom', 'allowlist')).toEqual([]);
      });
    });

    it('the blocklist and the allowlist of a room are separate', async () => {
      const { h, app, users, room } = await roomWithMembers(2);
      const [a, b] = users;
      await h.uow.write(async (r) => {
        await r.roomUserLists.add(app.id, room.id, 'blocklist', [a!]);
        await r.roomUserLists.add(app.id, room.id, 'allowlist', [b!]);
      });
      await h.uow.read(async (r) => {
        expect(await r.roomUserLists.list(app.id, room.id, 'blocklist')).toEqual([a]);
        expect(await r.roomUserLists.list(app.id, room.id, 'allowlist')).toEqual([b]);
        expect(await r.roomUserLists.filter(app.id, room.id, 'allowlist', [a!, b!])).toEqual([b]);
      });
      expect(await h.uow.write((r) => r.roomUserLists.remove(app.id, room.id, 'allowlist', [a!]))).toEqual([]);
      expect(await h.uow.read((r) => r.roomUserLists.list(app.id, room.id, 'blocklist'))).toEqual([a]);
    });

    it('lists belong to one room of one app', async () => {
      const h = store().main;
      const [app, other] = [await seedApp(h), await seedApp(h)];
      const [owner, user] = await seedUsers(h, app, 2);
      const [otherOwner, sameName] = await seedUsers(h, other, 2);
      const id = `lists${uniqueSuffix()}`;
      const room = await seedRoom(h, app, owner!, [user!], { id });
      const neighbour = await seedRoom(h, app, owner!, [user!]);
      await seedRoom(h, other, otherOwner!, [sameName!], { id });
      await h.uow.write((r) => r.roomUserLists.add(app.id, room.id, 'blocklist', [user!]));
      await h.uow.read(async (r) => {
        expect(await r.roomUserLists.list(app.id, neighbour.id, 'blocklist')).toEqual([]);
        expect(await r.roomUserLists.list(other.id, id, 'blocklist')).toEqual([]);
        expect(await r.roomUserLists.filter(other.id, id, 'blocklist', [sameName!])).toEqual([]);
      });
    });

    it('remove takes users off and returns those that were on it, each once', async () => {
      const { h, app, users, room } = await roomWithMembers(4);
      const [a, b, c, d] = users;
      await h.uow.write((r) => r.roomUserLists.add(app.id, room.id, 'allowlist', [a!, b!, c!]));
      const removed = await h.uow.write((r) => r.roomUserLists.remove(app.id, room.id, 'allowlist', [c!, d!, a!, c!]));
      expect(sorted(removed)).toEqual(sorted([a!, c!]));
      expect(await h.uow.read((r) => r.roomUserLists.list(app.id, room.id, 'allowlist'))).toEqual([b]);
      expect(await h.uow.write((r) => r.roomUserLists.remove(app.id, room.id, 'allowlist', [a!]))).toEqual([]);
      expect(await h.uow.write((r) => r.roomUserLists.remove(app.id, room.id, 'allowlist', []))).toEqual([]);
    });

    it('a user taken off and put back goes to the end of the list', async () => {
      const { h, app, users, room } = await roomWithMembers(2);
      const [a, b] = users;
      await h.uow.write((r) => r.roomUserLists.add(app.id, room.id, 'blocklist', [a!, b!]));
      await h.uow.write((r) => r.roomUserLists.remove(app.id, room.id, 'blocklist', [a!]));
      await h.uow.write((r) => r.roomUserLists.add(app.id, room.id, 'blocklist', [a!]));
      expect(await h.uow.read((r) => r.roomUserLists.list(app.id, room.id, 'blocklist'))).toEqual([b, a]);
    });

    it('filter gives the users among those asked who are on the list', async () => {
      const { h, app, users, room } = await roomWithMembers(3);
      const [a, b, c] = users;
      await h.uow.write((r) => r.roomUserLists.add(app.id, room.id, 'blocklist', [a!, c!]));
      await h.uow.read(async (r) => {
        expect(sorted(await r.roomUserLists.filter(app.id, room.id, 'blocklist', [c!, b!, a!]))).toEqual(
          sorted([a!, c!]),
        );
        expect(await r.roomUserLists.filter(app.id, room.id, 'blocklist', [b!, 'ghost' as UserId])).toEqual([]);
        expect(await r.roomUserLists.filter(app.id, room.id, 'blocklist', [])).toEqual([]);
      });
    });

    it('a throwing write undoes its list changes', async () => {
      const { h, app, users, room } = await roomWithMembers(2);
      const [a, b] = users;
      await h.uow.write((r) => r.roomUserLists.add(app.id, room.id, 'blocklist', [a!]));
      await writeThenFail(h, async (r) => {
        await r.roomUserLists.remove(app.id, room.id, 'blocklist', [a!]);
        await r.roomUserLists.add(app.id, room.id, 'blocklist', [b!]);
        await r.roomUserLists.add(app.id, room.id, 'allowlist', [b!]);
      });
      expect(await h.uow.read((r) => r.roomUserLists.list(app.id, room.id, 'blocklist'))).toEqual([a]);
      expect(await h.uow.read((r) => r.roomUserLists.list(app.id, room.id, 'allowlist'))).toEqual([]);
    });

    itRaces(factory, store, 'parallel additions of one user to a list put them on it once', async (via, main) => {
      const app = await seedApp(main);
      const [owner, user] = await seedUsers(main, app, 2);
      const room = await seedRoom(main, app, owner!, [user!]);
      await inParallel(20, (i) => via(i).uow.write((r) => r.roomUserLists.add(app.id, room.id, 'allowlist', [user!])));
      expect(await main.uow.read((r) => r.roomUserLists.list(app.id, room.id, 'allowlist'))).toEqual([user]);
    });

    // Blocking locks the room; adding holds it through `memberships.add` and checks the
    // blocklist after that, as the use cases do. Whatever the interleaving, a blocked user
    // is never left in the room.
    itRaces(
      factory,
      store,
      'blocks racing additions of the same users never leave anyone both blocked and a member',
      async (via, main) => {
        const app = await seedApp(main);
        const [owner, ...users] = await seedUsers(main, app, 11);
        const room = await seedRoom(main, app, owner!);
        const block = (i: number, user: UserId) =>
          via(i).uow.write(async (r) => {
            await r.chatrooms.findByIdForUpdate(app.id, room.id);
            await r.roomUserLists.add(app.id, room.id, 'blocklist', [user]);
            await r.memberships.remove(app.id, room.id, [user]);
          });
        const add = (i: number, user: UserId) =>
          writeOrRollback(
            via(i).uow,
            async (r) => {
              const outcome = await r.memberships.add(app.id, room.id, [user], 'member', 100);
              if (!outcome.ok) return 'refused';
              const blocked = await r.roomUserLists.filter(app.id, room.id, 'blocklist', [user]);
              return blocked.length > 0 ? 'blocked' : 'added';
            },
            (o) => o === 'added',
          );
        // Per user: four additions around one block, the block at a different place for each user.
        const calls = users.flatMap((user, k) => Array.from({ length: 5 }, (_, j) => ({ user, blocks: j === k % 5 })));
        await inParallel<unknown>(calls.length, (i) =>
          calls[i]!.blocks ? block(i, calls[i]!.user) : add(i, calls[i]!.user),
        );
        const blocked = await main.uow.read((r) => r.roomUserLists.list(app.id, room.id, 'blocklist'));
        expect(sorted(blocked)).toEqual(sorted(users));
        expect(await affiliationsOf(main, app, room.id)).toEqual([`${owner}:owner`]);
        expect(await countMismatches(main, app, [room.id])).toEqual([]);
      },
    );
  });
}
