import { describe, expect, it } from 'vitest';
import type { UserId } from '../model/user-id.js';
import { itRaces, itWithSecondHandle, useStore, type StoreFactory } from './store-factory.js';
import {
  affiliationsOf,
  deferred,
  inParallel,
  makeApp,
  makeRoom,
  makeUser,
  roomOf,
  seedApp,
  seedRoom,
  seedUsers,
  sleep,
  sorted,
} from './store-fixtures.js';

class WorkFailed extends Error {}

/** `UnitOfWork`: atomic, isolated units; errors pass through unchanged. */
export function describeUnitOfWorkContract(name: string, factory: StoreFactory): void {
  describe(`${name}: UnitOfWork contract`, () => {
    const store = useStore(factory);

    it('write returns what the work returns, and read sees what it committed', async () => {
      const h = store().main;
      const app = makeApp();
      const stored = await h.uow.write((r) => r.apps.upsert(app));
      expect(stored).toEqual(app);
      expect(await h.uow.read((r) => r.apps.findByName(app.org, app.name))).toEqual(app);
    });

    it('a throwing write undoes everything it wrote, across every repository, and rethrows the same error', async () => {
      const h = store().main;
      const app = makeApp();
      const failure = new WorkFailed('boom');
      const room = await makeRoom(h, app, 'owner' as UserId);
      const attempt = h.uow.write(async (r) => {
        await r.apps.upsert(app);
        await r.users.insertMany([makeUser(app, 'owner'), makeUser(app, 'member')]);
        expect(await r.chatrooms.insert(room, 10)).toBe('inserted');
        await r.memberships.add(app.id, room.id, ['owner' as UserId], 'owner', 10);
        await r.memberships.add(app.id, room.id, ['member' as UserId], 'member', 10);
        throw failure;
      });
      await expect(attempt).rejects.toBe(failure);

      await h.uow.read(async (r) => {
        expect(await r.apps.findByName(app.org, app.name)).toBeNull();
        expect(await r.users.findExisting(app.id, ['owner' as UserId, 'member' as UserId])).toEqual([]);
        expect(await r.chatrooms.findById(app.id, room.id)).toBeNull();
        expect(await r.memberships.joinedRooms(app.id, 'member' as UserId, 0, 10)).toEqual([]);
      });
    });

    it('a throwing write also undoes its updates, deletes and removals of committed data', async () => {
      const h = store().main;
      const app = await seedApp(h);
      const [owner, member, other] = await seedUsers(h, app, 3);
      const room = await seedRoom(h, app, owner!, [member!]);
      const failure = new WorkFailed('undo me');
      const attempt = h.uow.write(async (r) => {
        await r.chatrooms.update(app.id, room.id, { name: 'renamed', maxUsers: 5 });
        await r.memberships.remove(app.id, room.id, [member!]);
        await r.users.delete(app.id, other!);
        await r.apps.upsert({ ...app, clientId: 'changed' });
        throw failure;
      });
      await expect(attempt).rejects.toBe(failure);

      expect(await roomOf(h, app, room.id)).toEqual(room);
      expect(await affiliationsOf(h, app, room.id)).toEqual([`${owner}:owner`, `${member}:member`]);
      await h.uow.read(async (r) => {
        expect(await r.users.findByUsername(app.id, other!)).not.toBeNull();
        expect((await r.apps.findByName(app.org, app.name))?.clientId).toBe(app.clientId);
      });
    });

    it('a throwing write of a deleted room brings the room and its members back', async () => {
      const h = store().main;
      const app = await seedApp(h);
      const [owner, member] = await seedUsers(h, app, 2);
      const room = await seedRoom(h, app, owner!, [member!]);
      const failure = new WorkFailed('keep the room');
      await expect(
        h.uow.write(async (r) => {
          expect(await r.chatrooms.delete(app.id, room.id)).toBe(true);
          throw failure;
        }),
      ).rejects.toBe(failure);
      expect(await roomOf(h, app, room.id)).toEqual(room);
      expect(await affiliationsOf(h, app, room.id)).toEqual([`${owner}:owner`, `${member}:member`]);
    });

    it('a write that throws something not an Error rethrows that very value', async () => {
      const thrown = { code: 'not-an-error' };
      await expect(
        store().main.uow.write(async (r) => {
          await r.apps.count();
          throw thrown;
        }),
      ).rejects.toBe(thrown);
    });

    it('a throwing read rethrows the same error', async () => {
      const failure = new WorkFailed('read failed');
      await expect(
        store().main.uow.read(async (r) => {
          await r.apps.count();
          throw failure;
        }),
      ).rejects.toBe(failure);
    });

    it('a unit sees its own writes before it commits', async () => {
      const h = store().main;
      const app = await seedApp(h);
      const [owner, member] = await seedUsers(h, app, 2);
      const room = await makeRoom(h, app, owner!);
      await h.uow.write(async (r) => {
        await r.chatrooms.insert(room, 10);
        await r.memberships.add(app.id, room.id, [owner!], 'owner', 10);
        await r.memberships.add(app.id, room.id, [member!], 'member', 10);
        expect((await r.chatrooms.findById(app.id, room.id))?.memberCount).toBe(2);
        expect(await r.memberships.roleOf(app.id, room.id, member!)).toBe('member');
      });
    });

    it('a unit never sees the writes of a concurrent unit that rolls back', async () => {
      const h = store().main;
      const app = await seedApp(h);
      const names = ['dirty1', 'dirty2'] as UserId[];
      const started = deferred();
      const failure = new WorkFailed('roll back');
      const writer = h.uow.write(async (r) => {
        await r.users.insertMany(names.map((n) => makeUser(app, n)));
        started.resolve();
        await sleep(100);
        throw failure;
      });
      // Caught at once: under load the writer can fail before the read below returns, and a
      // rejection nobody handles yet fails the whole run.
      const outcome = writer.then(
        () => 'committed',
        (error: unknown) => error,
      );
      await started.promise;
      const seen = await h.uow.read((r) => r.users.findExisting(app.id, names));
      expect(await outcome).toBe(failure);
      expect(seen).toEqual([]);
      expect(await h.uow.read((r) => r.users.findExisting(app.id, names))).toEqual([]);
    });

    it('a unit sees all or none of the writes of a concurrent unit, never a part', async () => {
      const h = store().main;
      const app = await seedApp(h);
      const names = ['atomic1', 'atomic2'] as UserId[];
      const started = deferred();
      const writer = h.uow.write(async (r) => {
        await r.users.insertMany([makeUser(app, names[0]!)]);
        started.resolve();
        await sleep(100);
        await r.users.insertMany([makeUser(app, names[1]!)]);
      });
      await started.promise;
      const seen = await h.uow.read((r) => r.users.findExisting(app.id, names));
      await writer;
      expect([0, 2]).toContain(seen.length);
      expect(sorted(await h.uow.read((r) => r.users.findExisting(app.id, names)))).toEqual(names);
    });

    itRaces(factory, store, '50 concurrent writes all commit, none lost', async (via, main) => {
      const app = await seedApp(main);
      const written = await inParallel(50, (i) =>
        via(i).uow.write((r) => r.users.insertMany([makeUser(app, `writer${i}`)])),
      );
      expect(written.flat()).toHaveLength(50);
      const names = Array.from({ length: 50 }, (_, i) => `writer${i}` as UserId);
      expect(await main.uow.read((r) => r.users.findExisting(app.id, names))).toHaveLength(50);
    });

    itWithSecondHandle(factory, 'a write through one handle is visible through the other', async () => {
      const { main, second } = store();
      const app = await seedApp(main);
      expect(await second!.uow.read((r) => r.apps.findByName(app.org, app.name))).toEqual(app);
      const [owner] = await seedUsers(second!, app, 1);
      const room = await seedRoom(second!, app, owner!);
      expect(await roomOf(main, app, room.id)).toEqual(room);
    });

    itWithSecondHandle(factory, 'ids drawn through both handles never repeat and keep increasing', async () => {
      const { main, second } = store();
      const drawn: number[] = [];
      for (let i = 0; i < 20; i++) drawn.push(await (i % 2 === 0 ? main : second!).ids.next());
      expect(drawn).toEqual([...drawn].sort((a, b) => a - b));
      expect(new Set(drawn).size).toBe(drawn.length);
      const parallel = await inParallel(100, (i) => (i % 2 === 0 ? main : second!).ids.next());
      expect(new Set([...drawn, ...parallel]).size).toBe(120);
      expect(Math.min(...parallel)).toBeGreaterThan(Math.max(...drawn));
    });
  });
}
