import {
  CreateChatroom,
  DeleteUser,
  DissolveChatroom,
  DomainError,
  ManualClock,
  ModifyChatroom,
  TransferChatroom,
  type App,
  type Chatroom,
  type Role,
  type UnitOfWork,
  type UserId,
} from '@chatroom/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLEAN_AUDIT, type CounterAudit } from './counter-audit-queries.js';
import { Refused, seedApp, seedRoom, seedUsers } from './seed.js';

/** What the storms need of a SQL store: its units of work, its room ids, and a way to close it. */
export interface StormStore {
  readonly uow: UnitOfWork;
  readonly ids: { next(): Promise<number> };
  close(): Promise<void>;
}

export interface StormSuiteOptions<S extends StormStore> {
  /** An empty migrated database of the store's own, dropped after the suite; null skips the suite. */
  readonly database: { readonly url: string; drop(): Promise<void> } | null | undefined;
  /** Opens the store on the database, with a pool of its own, as a server process would. */
  open(url: string): Promise<S>;
  /** Recounts every guarded counter in SQL (see counter-audit-queries.ts). */
  auditCounters(url: string): Promise<CounterAudit>;
}

/**
 * Invariants under real parallel connections, through two stores with a pool each, as two server
 * processes would run. Every test ends by recounting every guarded counter in SQL. Each SQL
 * store runs this one suite on its own database.
 */
export function describeStorms<S extends StormStore>(dialect: string, options: StormSuiteOptions<S>): void {
  const { database } = options;
  describe.skipIf(!database)(`${dialect}: invariants under concurrency`, () => {
    let a: S;
    let b: S;
    /** Call i goes through store a or b alternately. */
    const via = (i: number) => (i % 2 === 0 ? a : b);
    const auditCounters = (url: string) => options.auditCounters(url);

    beforeAll(async () => {
      a = await options.open(database!.url);
      b = await options.open(database!.url);
    });
    afterAll(async () => {
      await a?.close();
      await b?.close();
      await database?.drop();
    });

    async function tryAdd(adapter: S, app: App, roomId: string, users: UserId[], role: Role = 'member') {
      try {
        return await adapter.uow.write(async (r) => {
          const outcome = await r.memberships.add(app.id, roomId, users, role, app.settings.joinedRoomCap);
          if (!outcome.ok) throw new Refused(outcome.reason);
          return outcome.added;
        });
      } catch (error) {
        if (error instanceof Refused) return error.reason;
        throw error;
      }
    }

    async function membersOf(app: App, roomId: string): Promise<string[]> {
      const map = await a.uow.read((r) => r.memberships.affiliations(app.id, [roomId]));
      return (map.get(roomId) ?? []).map((m) => `${m.username}:${m.role}`);
    }

    it('200 parallel member additions to a room with maxusers 50 end with exactly 50 members', async () => {
      const app = await seedApp(a.uow);
      const [owner, ...others] = await seedUsers(a.uow, app, 201);
      const room = await seedRoom(a, app, owner!, 50);

      const outcomes = await Promise.all(others.map((u, i) => tryAdd(via(i), app, room.id, [u])));

      expect(outcomes.filter((o) => Array.isArray(o))).toHaveLength(49);
      expect(outcomes.filter((o) => o === 'room-full')).toHaveLength(151);
      expect(await membersOf(app, room.id)).toHaveLength(50);
      expect((await a.uow.read((r) => r.chatrooms.findById(app.id, room.id)))?.memberCount).toBe(50);
      expect(await auditCounters(database!.url)).toEqual(CLEAN_AUDIT);
    });

    it('parallel batch additions never pass maxusers and leave member_count equal to the real count', async () => {
      const app = await seedApp(a.uow);
      const [owner, ...others] = await seedUsers(a.uow, app, 151);
      const room = await seedRoom(a, app, owner!, 50);
      // Overlapping batches of three, so some users are requested by several units at once.
      const batches = Array.from({ length: 100 }, (_, i) =>
        [0, 1, 2].map((k) => others[(i * 3 + k * 7) % others.length]!),
      );

      await Promise.all(batches.map((batch, i) => tryAdd(via(i), app, room.id, batch)));

      const members = await membersOf(app, room.id);
      expect(members.length).toBeLessThanOrEqual(50);
      expect(members.length).toBeGreaterThanOrEqual(48); // refusals happen only within 2 of the cap
      expect(new Set(members).size).toBe(members.length);
      expect(await auditCounters(database!.url)).toEqual(CLEAN_AUDIT);
    });

    it('50 parallel transfers leave exactly one owner, still in the affiliations, member count unchanged', async () => {
      const app = await seedApp(a.uow);
      const [owner, ...others] = await seedUsers(a.uow, app, 51);
      const room = await seedRoom(a, app, owner!);
      expect(await tryAdd(a, app, room.id, others)).toHaveLength(50);
      const transfer = (i: number) => new TransferChatroom({ uow: via(i).uow });

      await Promise.all(others.map((u, i) => transfer(i).execute(app, room.id, u)));

      const members = await membersOf(app, room.id);
      const owners = members.filter((m) => m.endsWith(':owner'));
      expect(owners).toHaveLength(1);
      expect(members[0]).toBe(owners[0]);
      expect(members).toHaveLength(51);
      const stored = await a.uow.read((r) => r.chatrooms.findById(app.id, room.id));
      expect(`${stored?.owner}:owner`).toBe(owners[0]);
      expect(stored?.memberCount).toBe(51);
      expect(await auditCounters(database!.url)).toEqual(CLEAN_AUDIT);
    });

    it('two adapters racing on one room with adds, removals, transfers and maxusers changes keep every invariant', async () => {
      const app = await seedApp(a.uow);
      const [owner, ...others] = await seedUsers(a.uow, app, 121);
      const room = await seedRoom(a, app, owner!, 40);
      const calls: Promise<unknown>[] = [];
      for (let i = 0; i < 120; i++) calls.push(tryAdd(via(i), app, room.id, [others[i]!]));
      // Removal targets (odd indices) never meet transfer targets (even): removing an owner is the use case's refusal.
      for (let i = 0; i < 30; i++) {
        calls.push(via(i + 1).uow.write((r) => r.memberships.remove(app.id, room.id, [others[i * 4 + 1]!])));
      }
      for (let i = 0; i < 20; i++) {
        // Refused when the target is not (yet) a member: only the domain's error is acceptable.
        calls.push(
          new TransferChatroom({ uow: via(i).uow }).execute(app, room.id, others[i * 6]!).catch(expectDomainError),
        );
      }
      for (let i = 0; i < 10; i++) {
        calls.push(
          new ModifyChatroom({ uow: via(i).uow })
            .execute(app, room.id, { maxUsers: 30 + i * 3 })
            .catch(expectDomainError),
        );
      }
      await Promise.all(calls);

      const stored = await a.uow.read((r) => r.chatrooms.findById(app.id, room.id));
      const members = await membersOf(app, room.id);
      expect(stored!.memberCount).toBe(members.length);
      expect(members.length).toBeLessThanOrEqual(stored!.maxUsers);
      expect(members.filter((m) => m.endsWith(':owner'))).toHaveLength(1);
      expect(await auditCounters(database!.url)).toEqual(CLEAN_AUDIT);
    });

    it('after a storm of joins, removals, dissolutions and user deletions over many rooms, every counter equals the real count', async () => {
      const app = await seedApp(a.uow, { joinedRoomCap: 5 });
      const users = await seedUsers(a.uow, app, 60);
      const rooms: Chatroom[] = [];
      for (let i = 0; i < 20; i++) rooms.push(await seedRoom(a, app, users[i]!, 12));
      const pick = <T>(list: readonly T[], i: number, k: number) => list[(i * k) % list.length]!;
      const calls: Promise<unknown>[] = [];
      for (let i = 0; i < 400; i++) {
        const batch = [...new Set([pick(users, i, 7), pick(users, i + 1, 11), pick(users, i + 2, 13)])];
        calls.push(tryAdd(via(i), app, pick(rooms, i, 3).id, batch.slice(0, 1 + (i % 3))));
      }
      const nonOwners = users.slice(20); // removing an owner is the use case's refusal, not the port's
      for (let i = 0; i < 100; i++) {
        calls.push(
          via(i).uow.write((r) => r.memberships.remove(app.id, pick(rooms, i, 7).id, [pick(nonOwners, i, 17)])),
        );
      }
      for (let i = 0; i < 4; i++) {
        calls.push(new DissolveChatroom({ uow: via(i).uow }).execute(app, rooms[i * 5]!.id).catch(expectDomainError));
      }
      for (let i = 0; i < 3; i++) {
        calls.push(new DeleteUser({ uow: via(i).uow }).execute(app, users[50 + i]!).catch(expectDomainError));
      }
      await Promise.all(calls);

      expect(await auditCounters(database!.url)).toEqual(CLEAN_AUDIT);
      for (const user of users.slice(20)) {
        const joined = await a.uow.read((r) => r.memberships.joinedRooms(app.id, user, 0, 100));
        expect(joined.length).toBeLessThanOrEqual(5);
      }
    });

    it('the room quota holds when 30 rooms are created at once through two adapters', async () => {
      const app = await seedApp(a.uow, { roomQuota: 10 });
      const users = await seedUsers(a.uow, app, 30);
      const clock = new ManualClock();
      const results = await Promise.allSettled(
        users.map((u, i) =>
          new CreateChatroom({ uow: via(i).uow, clock }).execute(app, { name: 'r', description: '', owner: u }),
        ),
      );
      const refused = results.filter((r) => r.status === 'rejected').map((r) => (r.reason as DomainError).code);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(10);
      expect(refused).toEqual(Array(20).fill('RoomQuotaExceeded'));
      expect(await auditCounters(database!.url)).toEqual(CLEAN_AUDIT);
    });

    it('a deadlock between two units is retried until both commit', async () => {
      const app = await seedApp(a.uow);
      const [u1, u2] = await seedUsers(a.uow, app, 2);
      const [r1, r2] = [await seedRoom(a, app, u1!), await seedRoom(a, app, u2!)];
      let runs = 0;
      let bothLocked: () => void;
      const barrier = new Promise<void>((resolve) => {
        let arrived = 0;
        bothLocked = () => ++arrived === 2 && resolve();
      });
      // Each locks one room, waits until the other has locked the other room, then asks for it.
      const crossLock = (adapter: S, first: string, second: string) =>
        adapter.uow.write(async (r) => {
          runs++;
          await r.chatrooms.findByIdForUpdate(app.id, first);
          bothLocked();
          await barrier;
          await r.chatrooms.findByIdForUpdate(app.id, second);
          await r.chatrooms.update(app.id, second, { name: `${first} then ${second}` });
        });

      await Promise.all([crossLock(a, r1.id, r2.id), crossLock(b, r2.id, r1.id)]);

      expect(runs).toBe(3); // the database aborted one of them once (a deadlock); it ran again and committed
      const names = await a.uow.read((r) => r.chatrooms.findByIds(app.id, [r1.id, r2.id]));
      expect(names.map((n) => n.name).sort()).toEqual([`${r1.id} then ${r2.id}`, `${r2.id} then ${r1.id}`]);
    });
  });
}

function expectDomainError(error: unknown): void {
  expect(error).toBeInstanceOf(DomainError);
}
