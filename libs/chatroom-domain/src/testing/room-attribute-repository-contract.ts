import { describe, expect, it } from 'vitest';
import type { RoomAttribute } from '../model/room-attribute.js';
import { itRaces, useStore, type StoreFactory } from './store-factory.js';
import {
  inParallel,
  makeAttribute,
  seedApp,
  seedRoom,
  seedRoomWithMembers,
  seedUsers,
  uniqueSuffix,
  writeThenFail,
} from './store-fixtures.js';

const EMOJI = '😀'; // one code point, two UTF-16 units, four UTF-8 bytes

function keysOf(attributes: readonly RoomAttribute[]): string[] {
  return attributes.map((a) => a.key);
}

/** `RoomAttributeRepository`: a room's custom key/value pairs, each with its owner and autoDelete flag. */
export function describeRoomAttributeRepositoryContract(name: string, factory: StoreFactory): void {
  describe(`${name}: RoomAttributeRepository contract`, () => {
    const store = useStore(factory);

    async function roomWithMembers(count: number) {
      const seeded = await seedRoomWithMembers(store().main, count);
      const { h, app, room } = seeded;
      const list = (keys?: readonly string[]) => h.uow.read((r) => r.roomAttributes.list(app.id, room.id, keys));
      const countKeys = () => h.uow.read((r) => r.roomAttributes.count(app.id, room.id));
      return { ...seeded, list, count: countKeys };
    }

    it('upsert stores each attribute whole; list gives them all, by key', async () => {
      const { h, app, users, room, list } = await roomWithMembers(2);
      const [a, b] = users;
      const stored = [
        makeAttribute('topic', a!),
        makeAttribute('lang', b!, { autoDelete: false, value: 'Ünïcode 名前 🎉' }),
        makeAttribute('blank', a!, { value: '' }),
      ];
      await h.uow.write((r) => r.roomAttributes.upsert(app.id, room.id, stored));
      expect(await list()).toEqual([stored[2], stored[1], stored[0]]);
    });

    // Keys are [A-Za-z0-9_.-]; "key order" is plain code-unit order (PostgreSQL: COLLATE "C").
    it('orders keys by code unit: - . digits upper-case _ lower-case', async () => {
      const { h, app, users, room, list } = await roomWithMembers(1);
      const keys = ['b', 'B', 'a', 'A', '_x', '-x', '.x', '0', 'a.b', 'a-b', 'a_b', 'aa', 'a'.repeat(128)];
      await h.uow.write((r) =>
        r.roomAttributes.upsert(
          app.id,
          room.id,
          keys.map((k) => makeAttribute(k, users[0]!)),
        ),
      );
      expect(keysOf(await list())).toEqual([
        '-x',
        '.x',
        '0',
        'A',
        'B',
        '_x',
        'a',
        'a-b',
        'a.b',
        'a_b',
        'aa',
        'a'.repeat(128),
        'b',
      ]);
    });

    it('list with keys gives those among them that exist, by key; no keys gives none', async () => {
      const { h, app, users, room, list } = await roomWithMembers(1);
      await h.uow.write((r) =>
        r.roomAttributes.upsert(
          app.id,
          room.id,
          ['k1', 'k2', 'k3'].map((k) => makeAttribute(k, users[0]!)),
        ),
      );
      expect(keysOf(await list(['k3', 'missing', 'k1', 'k3']))).toEqual(['k1', 'k3']);
      expect(await list([])).toEqual([]);
    });

    it('values of 4096 characters, astral ones included, come back intact', async () => {
      const { h, app, users, room, list } = await roomWithMembers(1);
      const big = makeAttribute('big', users[0]!, { value: EMOJI.repeat(4096) });
      await h.uow.write((r) => r.roomAttributes.upsert(app.id, room.id, [big]));
      expect(await list(['big'])).toEqual([big]);
    });

    it('upsert replaces the value, owner and autoDelete of an existing key; count counts keys', async () => {
      const { h, app, users, room, list, count } = await roomWithMembers(2);
      const [a, b] = users;
      await h.uow.write((r) =>
        r.roomAttributes.upsert(app.id, room.id, [makeAttribute('topic', a!), makeAttribute('lang', a!)]),
      );
      const replaced = makeAttribute('topic', b!, { value: 'new', autoDelete: false });
      await h.uow.write((r) => r.roomAttributes.upsert(app.id, room.id, [replaced]));
      expect(await list(['topic'])).toEqual([replaced]);
      expect(await count()).toBe(2);
    });

    it('count is 0 for a new room and an unknown room; upserting nothing writes nothing', async () => {
      const { h, app, room, count } = await roomWithMembers(1);
      await h.uow.write((r) => r.roomAttributes.upsert(app.id, room.id, []));
      expect(await count()).toBe(0);
      expect(await h.uow.read((r) => r.roomAttributes.count(app.id, 'nosuchroom'))).toBe(0);
      expect(await h.uow.read((r) => r.roomAttributes.list(app.id, 'nosuchroom'))).toEqual([]);
    });

    it('remove deletes the keys given and ignores missing ones', async () => {
      const { h, app, users, room, list, count } = await roomWithMembers(1);
      await h.uow.write((r) =>
        r.roomAttributes.upsert(
          app.id,
          room.id,
          ['k1', 'k2', 'k3'].map((k) => makeAttribute(k, users[0]!)),
        ),
      );
      await h.uow.write((r) => r.roomAttributes.remove(app.id, room.id, ['k3', 'missing', 'k1', 'k1']));
      expect(keysOf(await list())).toEqual(['k2']);
      await h.uow.write((r) => r.roomAttributes.remove(app.id, room.id, []));
      expect(await count()).toBe(1);
    });

    it('removeAutoDeleteOf removes only the autoDelete attributes of the owners given', async () => {
      const { h, app, users, room, list } = await roomWithMembers(3);
      const [a, b, c] = users;
      await h.uow.write((r) =>
        r.roomAttributes.upsert(app.id, room.id, [
          makeAttribute('a.temp', a!),
          makeAttribute('a.kept', a!, { autoDelete: false }),
          makeAttribute('b.temp', b!),
          makeAttribute('c.temp', c!),
        ]),
      );
      await h.uow.write((r) => r.roomAttributes.removeAutoDeleteOf(app.id, room.id, [a!, c!]));
      expect(keysOf(await list())).toEqual(['a.kept', 'b.temp']);
      await h.uow.write((r) => r.roomAttributes.removeAutoDeleteOf(app.id, room.id, []));
      expect(keysOf(await list())).toEqual(['a.kept', 'b.temp']);
    });

    it('attributes belong to one room of one app', async () => {
      const h = store().main;
      const [app, other] = [await seedApp(h), await seedApp(h)];
      const [owner, user] = await seedUsers(h, app, 2);
      const [otherOwner, sameName] = await seedUsers(h, other, 2);
      const id = `attrs${uniqueSuffix()}`;
      await seedRoom(h, app, owner!, [user!], { id });
      const neighbour = await seedRoom(h, app, owner!, [user!]);
      await seedRoom(h, other, otherOwner!, [sameName!], { id });
      const mine = makeAttribute('topic', user!);
      await h.uow.write(async (r) => {
        await r.roomAttributes.upsert(app.id, id, [mine]);
        await r.roomAttributes.upsert(app.id, neighbour.id, [makeAttribute('topic', user!, { value: 'next door' })]);
      });
      await h.uow.write(async (r) => {
        await r.roomAttributes.remove(other.id, id, ['topic']);
        await r.roomAttributes.removeAutoDeleteOf(other.id, id, [sameName!]);
        await r.roomAttributes.removeAutoDeleteOf(app.id, neighbour.id, [user!]);
      });
      await h.uow.read(async (r) => {
        expect(await r.roomAttributes.list(app.id, id)).toEqual([mine]);
        expect(await r.roomAttributes.count(other.id, id)).toBe(0);
        expect(await r.roomAttributes.count(app.id, neighbour.id)).toBe(0);
      });
    });

    it('a throwing write undoes its attribute changes', async () => {
      const { h, app, users, room, list } = await roomWithMembers(2);
      const [a, b] = users;
      const kept = [makeAttribute('k1', a!), makeAttribute('k2', b!)];
      await h.uow.write((r) => r.roomAttributes.upsert(app.id, room.id, kept));
      await writeThenFail(h, async (r) => {
        await r.roomAttributes.upsert(app.id, room.id, [
          makeAttribute('k1', b!, { value: 'changed' }),
          makeAttribute('k3', b!),
        ]);
        await r.roomAttributes.remove(app.id, room.id, ['k2']);
        await r.roomAttributes.removeAutoDeleteOf(app.id, room.id, [a!]);
      });
      expect(await list()).toEqual(kept);
    });

    // As the set use case does: lock the room, count, then add a key only while under 100.
    itRaces(
      factory,
      store,
      '20 parallel sets of distinct keys in a room at 95 keys end at exactly 100',
      async (via, main) => {
        const app = await seedApp(main);
        const [owner, user] = await seedUsers(main, app, 2);
        const room = await seedRoom(main, app, owner!, [user!]);
        const seeded = Array.from({ length: 95 }, (_, i) => makeAttribute(`seed${i}`, owner!));
        await main.uow.write((r) => r.roomAttributes.upsert(app.id, room.id, seeded));
        const set = await inParallel(20, (i) =>
          via(i).uow.write(async (r) => {
            await r.chatrooms.findByIdForUpdate(app.id, room.id);
            if ((await r.roomAttributes.count(app.id, room.id)) >= 100) return false;
            await r.roomAttributes.upsert(app.id, room.id, [makeAttribute(`new${i}`, user!)]);
            return true;
          }),
        );
        expect(set.filter(Boolean)).toHaveLength(5);
        expect(await main.uow.read((r) => r.roomAttributes.count(app.id, room.id))).toBe(100);
        const added = keysOf(await main.uow.read((r) => r.roomAttributes.list(app.id, room.id))).filter((k) =>
          k.startsWith('new'),
        );
        expect(added.sort()).toEqual(set.flatMap((ok, i) => (ok ? [`new${i}`] : [])).sort());
      },
    );

    // As the set use case does: lock the room, then take the key only when nobody owns it.
    itRaces(factory, store, '50 members racing to set one key: exactly one owns it', async (via, main) => {
      const app = await seedApp(main);
      const [owner, ...users] = await seedUsers(main, app, 51);
      const room = await seedRoom(main, app, owner!, users);
      const won = await inParallel(50, (i) =>
        via(i).uow.write(async (r) => {
          await r.chatrooms.findByIdForUpdate(app.id, room.id);
          if ((await r.roomAttributes.list(app.id, room.id, ['contested'])).length > 0) return false;
          await r.roomAttributes.upsert(app.id, room.id, [makeAttribute('contested', users[i]!, { value: users[i]! })]);
          return true;
        }),
      );
      const winners = won.flatMap((ok, i) => (ok ? [users[i]!] : []));
      expect(winners).toHaveLength(1);
      const stored = await main.uow.read((r) => r.roomAttributes.list(app.id, room.id));
      expect(stored).toEqual([makeAttribute('contested', winners[0]!, { value: winners[0]! })]);
    });
  });
}
