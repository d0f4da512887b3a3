import {
  AddMembers,
  CoalescingAddMembers,
  DomainError,
  type App,
  type Repositories,
  type UnitOfWork,
  type RoomCommands,
  type AddMembersCommand,
  type UserId,
} from '@chatroom/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PostgresAdapter } from './open-postgres-adapter.js';
import { adaptersUnderTest } from './test-support/adapters-under-test.js';
import { seedApp, seedRoom, seedUsers } from '@chatroom/sql-store-kit/testing';

// The coalescing decorator over the real adapters: concurrent additions to one room go as one
// unit of work, every request still gets its own answer, and one request's refusal never fails
// another's. Each race fires its requests in the same tick, so the first runs alone and the
// others queue behind it and coalesce.
const dialects = await adaptersUnderTest();
afterAll(() => Promise.all(dialects.map((d) => d.cleanup())));

const RACE_TIMEOUT_MS = 60_000;

/** Counts the units of work (additions are commands), to prove that requests were coalesced. */
class CountingUnitOfWork implements UnitOfWork {
  writes = 0;
  readonly commands: RoomCommands;
  constructor(private readonly inner: UnitOfWork) {
    this.commands = Object.assign(Object.create(inner.commands) as RoomCommands, {
      addMembers: (command: AddMembersCommand) => {
        this.writes++;
        return inner.commands.addMembers(command);
      },
    });
  }
  write<T>(work: (repos: Repositories) => Promise<T>): Promise<T> {
    this.writes++;
    return this.inner.write(work);
  }
  read<T>(work: (repos: Repositories) => Promise<T>): Promise<T> {
    return this.inner.read(work);
  }
}

type Settled = { ok: true; value: UserId[] } | { ok: false; code: string; message: string };

async function settle(promises: Promise<UserId[]>[]): Promise<Settled[]> {
  return Promise.all(
    promises.map((p) =>
      p.then(
        (value): Settled => ({ ok: true, value }),
        (error: unknown): Settled => {
          if (!(error instanceof DomainError)) throw error;
          return { ok: false, code: error.code, message: error.message };
        },
      ),
    ),
  );
}

for (const dialect of dialects) {
  describe.skipIf(!dialect.available)(`${dialect.name}: coalesced additions`, () => {
    let store: PostgresAdapter;
    beforeAll(async () => {
      store = await dialect.open();
    });
    afterAll(() => store?.close());

    function coalescing() {
      const uow = new CountingUnitOfWork(store.uow);
      return { uow, add: new CoalescingAddMembers(new AddMembers({ uow })) };
    }

    async function members(app: App, roomId: string): Promise<{ count: number; memberCount: number; names: string[] }> {
      return store.uow.read(async (r) => {
        const page = await r.memberships.listPage(app.id, roomId, 0, 10_000);
        const room = await r.chatrooms.findById(app.id, roomId);
        return { count: page.length, memberCount: room!.memberCount, names: page.map((a) => a.username) };
      });
    }

    it(
      '200 parallel single additions to one room: all answered, far fewer units of work, the count true',
      async () => {
        const app = await seedApp(store.uow);
        const [owner, ...users] = await seedUsers(store.uow, app, 201);
        const room = await seedRoom(store, app, owner!, 1000);
        const { uow, add } = coalescing();
        const results = await settle(users.map((u) => add.execute(app, room.id, [u])));
        expect(results).toEqual(users.map((u) => ({ ok: true, value: [u] })));
        expect(uow.writes).toBeLessThan(20);
        expect(await members(app, room.id)).toMatchObject({ count: 201, memberCount: 201 });
        // One JOIN per unit, listing every coalesced request's users, with the count after that
        // unit: in commit order each count is the previous one plus the users it lists.
        const joins = (await store.uow.read((r) => r.eventLog.roomPage(app.id, room.id, 100))).reverse();
        expect(joins.length).toBeLessThan(20);
        let count = 1;
        for (const e of joins) {
          count += (e.payload!['member'] as string[]).length;
          expect(e.memberCount).toBe(count);
        }
        expect(count).toBe(201);
      },
      RACE_TIMEOUT_MS,
    );

    it(
      'a full room: exactly the free slots are filled, every other request fails alone with the room-full error',
      async () => {
        const app = await seedApp(store.uow);
        const [owner, ...users] = await seedUsers(store.uow, app, 31);
        const room = await seedRoom(store, app, owner!, 6); // five free slots
        const { add } = coalescing();
        const results = await settle(users.map((u) => add.execute(app, room.id, [u])));
        const ok = results.filter((r) => r.ok);
        const refused = results.filter((r) => !r.ok);
        expect(ok).toHaveLength(5);
        expect(refused).toHaveLength(25);
        for (const r of refused)
          expect(r).toEqual({
            ok: false,
            code: 'MembersExceedMaxUsers',
            message: 'members size is greater than max user size !',
          });
        const after = await members(app, room.id);
        expect(after).toMatchObject({ count: 6, memberCount: 6 });
        // Exactly those told "added" are members.
        const told = ok.flatMap((r) => (r.ok ? r.value : []));
        expect(after.names.filter((n) => n !== owner).sort()).toEqual([...told].sort());
      },
      RACE_TIMEOUT_MS,
    );

    it(
      'a request that would overflow the room fails whole; the single additions beside it succeed',
      async () => {
        const app = await seedApp(store.uow);
        const [owner, ...users] = await seedUsers(store.uow, app, 11);
        const room = await seedRoom(store, app, owner!, 6); // five free slots
        const { add } = coalescing();
        const big = users.slice(0, 6);
        const singles = users.slice(6, 10);
        const [first, ...rest] = await settle([
          add.execute(app, room.id, [singles[0]!]),
          add.execute(app, room.id, big),
          ...singles.slice(1).map((u) => add.execute(app, room.id, [u])),
        ]);
        expect(rest[0]).toMatchObject({ ok: false, code: 'MembersExceedMaxUsers' });
        expect([first, ...rest.slice(1)]).toEqual(singles.map((u) => ({ ok: true, value: [u] })));
        const after = await members(app, room.id);
        expect(after).toMatchObject({ count: 5, memberCount: 5 });
        for (const u of big) expect(after.names).not.toContain(u);
      },
      RACE_TIMEOUT_MS,
    );

    it(
      'an unknown, a blocked and a capped user fail only their own requests, each with its own error',
      async () => {
        const app = await seedApp(store.uow, { joinedRoomCap: 1 });
        const [owner, blocked, capped, ...users] = await seedUsers(store.uow, app, 23);
        const room = await seedRoom(store, app, owner!, 1000);
        const elsewhere = await seedRoom(store, app, capped!, 1000); // capped is now in one room: at the cap
        await store.uow.write((r) => r.roomUserLists.add(app.id, room.id, 'blocklist', [blocked!]));
        const { add } = coalescing();
        const [lead, ...queued] = await settle([
          add.execute(app, room.id, [users[0]!]),
          add.execute(app, room.id, ['nobody']),
          add.execute(app, room.id, [blocked!]),
          add.execute(app, room.id, [capped!]),
          ...users.slice(1).map((u) => add.execute(app, room.id, [u])),
        ]);
        expect(lead).toEqual({ ok: true, value: [users[0]] });
        expect(queued[0]).toEqual({ ok: false, code: 'UserNotFound', message: "username nobody doesn't exist!" });
        expect(queued[1]).toMatchObject({ ok: false, code: 'UserBlocked' });
        expect(queued[2]).toMatchObject({ ok: false, code: 'JoinCapExceeded' });
        expect(queued.slice(3)).toEqual(users.slice(1).map((u) => ({ ok: true, value: [u] })));
        const after = await members(app, room.id);
        expect(after).toMatchObject({ count: 21, memberCount: 21 });
        expect(after.names).not.toContain(blocked);
        expect(after.names).not.toContain(capped);
        expect((await members(app, elsewhere.id)).memberCount).toBe(1);
      },
      RACE_TIMEOUT_MS,
    );

    it('a bad request fails before it queues, alone', async () => {
      const app = await seedApp(store.uow);
      const [owner, user] = await seedUsers(store.uow, app, 2);
      const room = await seedRoom(store, app, owner!, 10);
      const { add } = coalescing();
      const results = await settle([add.execute(app, room.id, [user!]), add.execute(app, room.id, ['Bad Name'])]);
      expect(results[0]).toEqual({ ok: true, value: [user] });
      expect(results[1]).toMatchObject({ ok: false });
    });

    it(
      'two decorators (two processes) adding to one small room never pass its maxusers',
      async () => {
        const app = await seedApp(store.uow);
        const [owner, ...users] = await seedUsers(store.uow, app, 101);
        const room = await seedRoom(store, app, owner!, 40);
        const [a, b] = [coalescing().add, coalescing().add];
        const results = await settle(users.map((u, i) => (i % 2 === 0 ? a : b).execute(app, room.id, [u])));
        expect(results.filter((r) => r.ok)).toHaveLength(39);
        expect(await members(app, room.id)).toMatchObject({ count: 40, memberCount: 40 });
      },
      RACE_TIMEOUT_MS,
    );
  });
}
