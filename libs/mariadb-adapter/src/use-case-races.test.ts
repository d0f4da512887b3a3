import {
  AddMembers,
  BlockUsers,
  DomainError,
  PromoteAdmin,
  RemoveMembers,
  SetRoomAttributes,
  type App,
  type Chatroom,
  type UserId,
} from '@chatroom/domain';
import { createConnection, type Connection } from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openMariadbAdapter as openPostgresAdapter, type MariadbAdapter as PostgresAdapter } from './open-mariadb-adapter.js';
import { createTestMariadbDatabase as createTestDatabase } from './testing/create-test-database.js';
import { auditCounters, CLEAN_AUDIT } from './testing/audit-counters.js';
import { seedApp, seedRoom, seedUsers } from './test-support/seed.js';

// The races, driven through the domain's use cases over this adapter with real parallel
// calls: each runs once with every call on one pool, and once with the calls alternating
// between two adapters with a pool each, as two server processes would. Every race ends with
// a recount of every counter and limit in SQL.
const database = await createTestDatabase();

describe.skipIf(!database)('mariadb: use cases racing', () => {
  let a: PostgresAdapter;
  let b: PostgresAdapter;
  let sqlClient: Connection;

  beforeAll(async () => {
    a = await openPostgresAdapter({ databaseUrl: database!.url });
    b = await openPostgresAdapter({ databaseUrl: database!.url });
    sqlClient = await createConnection({ uri: database!.url });
  });
  afterAll(async () => {
    await sqlClient?.end();
    await a?.close();
    await b?.close();
    await database?.drop();
  });

  /** The room's real member count and the stored one. */
  async function counts(room: Chatroom): Promise<{ real: number; stored: number }> {
    const [rows] = await sqlClient.query(
      `SELECT (SELECT count(*) FROM memberships WHERE app_id = ? AND room_id = ?) AS \`real\`,
              (SELECT member_count FROM rooms WHERE app_id = ? AND id = ?) AS stored`,
      [room.appId, room.id, room.appId, room.id],
    );
    return (rows as { real: number; stored: number }[])[0]!;
  }

  /** Members added straight through the port, in batches: seeding, not under test. */
  async function withMembers(app: App, room: Chatroom, users: readonly UserId[]): Promise<void> {
    for (let i = 0; i < users.length; i += 1000) {
      const outcome = await a.uow.write((r) =>
        r.memberships.add(app.id, room.id, users.slice(i, i + 1000), 'member', app.settings.joinedRoomCap),
      );
      if (!outcome.ok) throw new Error(`seeding refused: ${outcome.reason}`);
    }
  }

  const variants: [string, (i: number) => PostgresAdapter][] = [
    ['one pool', () => a],
    ['two pools', (i) => (i % 2 === 0 ? a : b)],
  ];

  for (const [variant, via] of variants) {
    describe(variant, () => {
      it('300 parallel single additions to a room with maxusers 100 end with exactly 100 members, counted right', async () => {
        const app = await seedApp(a.uow);
        const [owner, ...others] = await seedUsers(a.uow, app, 301);
        const room = await seedRoom(a, app, owner!, 100);

        const outcomes = await Promise.all(
          others.map((u, i) => outcomeOf(new AddMembers({ uow: via(i).uow }).execute(app, room.id, [u]))),
        );

        expect(tally(outcomes)).toEqual({ ok: 99, MembersExceedMaxUsers: 201 });
        expect(await counts(room)).toEqual({ real: 100, stored: 100 });
        expect(await auditCounters(database!.url)).toEqual(CLEAN_AUDIT);
      });

      it('20 parallel batches of 10 into a room with room for 55 add whole batches only: 5 of them', async () => {
        const app = await seedApp(a.uow);
        const [owner, ...others] = await seedUsers(a.uow, app, 201);
        const room = await seedRoom(a, app, owner!, 56);
        const batches = Array.from({ length: 20 }, (_, i) => others.slice(i * 10, i * 10 + 10));

        const outcomes = await Promise.all(
          batches.map((batch, i) => outcomeOf(new AddMembers({ uow: via(i).uow }).execute(app, room.id, batch))),
        );

        expect(tally(outcomes)).toEqual({ ok: 5, MembersExceedMaxUsers: 15 });
        const members = await a.uow.read((r) => r.memberships.listPage(app.id, room.id, 0, 100));
        const joined = new Set(members.map((m) => m.username));
        // Every batch is in whole or not at all, and exactly the accepted ones are in.
        batches.forEach((batch, i) => expect(batch.map((u) => joined.has(u))).toEqual(Array(10).fill(outcomes[i] === 'ok')));
        expect(await counts(room)).toEqual({ real: 51, stored: 51 });
        expect(await auditCounters(database!.url)).toEqual(CLEAN_AUDIT);
      });

      it('a user two rooms short of the joined-room cap racing to join 10 rooms ends at exactly the cap', async () => {
        const app = await seedApp(a.uow, { joinedRoomCap: 5 });
        const [racer] = await seedUsers(a.uow, app, 1);
        for (let i = 0; i < 3; i++) await seedRoom(a, app, racer!); // racer owns 3 rooms: 2 joins left
        const hosts = await seedUsers(a.uow, app, 10, 'host');
        const targets = await Promise.all(hosts.map((host) => seedRoom(a, app, host)));

        const outcomes = await Promise.all(
          targets.map((room, i) => outcomeOf(new AddMembers({ uow: via(i).uow }).execute(app, room.id, [racer!]))),
        );

        expect(tally(outcomes)).toEqual({ ok: 2, JoinCapExceeded: 8 });
        const joined = await a.uow.read((r) => r.memberships.joinedRooms(app.id, racer!, 0, 100));
        expect(joined).toHaveLength(5);
        expect(await auditCounters(database!.url)).toEqual(CLEAN_AUDIT);

        // At the cap, every further racing join is refused.
        const more = await Promise.all(
          targets.map((room, i) => outcomeOf(new AddMembers({ uow: via(i).uow }).execute(app, room.id, [racer!]))),
        );
        expect(tally(more)).toEqual({ ok: 2, JoinCapExceeded: 8 }); // the 2 already joined succeed, changing nothing
        expect(await a.uow.read((r) => r.memberships.joinedRooms(app.id, racer!, 0, 100))).toEqual(joined);
        expect(await auditCounters(database!.url)).toEqual(CLEAN_AUDIT);
      });

      it('100 parallel promotions in a room of 150 members end with 99 admins and one refusal', async () => {
        const app = await seedApp(a.uow);
        const [owner, ...others] = await seedUsers(a.uow, app, 151);
        const room = await seedRoom(a, app, owner!);
        await withMembers(app, room, others);

        const outcomes = await Promise.all(
          others.slice(0, 100).map((u, i) => outcomeOf(new PromoteAdmin({ uow: via(i).uow }).execute(app, room.id, u))),
        );

        expect(tally(outcomes)).toEqual({ ok: 99, AdminLimitReached: 1 });
        const admins = await a.uow.read((r) => r.memberships.admins(app.id, room.id));
        expect(admins).toHaveLength(99);
        expect(admins).not.toContain(others[outcomes.indexOf('AdminLimitReached')]);
        expect(await auditCounters(database!.url)).toEqual(CLEAN_AUDIT);
      });

      it('blocking users while they are removed and added again never leaves anyone both blocked and a member (30 rounds)', async () => {
        const app = await seedApp(a.uow);
        const [owner, ...users] = await seedUsers(a.uow, app, 5);
        for (let round = 0; round < 30; round++) {
          const room = await seedRoom(a, app, owner!);
          await withMembers(app, room, users);
          // Per user: a block, a removal followed by an addition, and two plain additions,
          // started in an order that differs by round and user.
          const calls = users.flatMap((u, k) => {
            const steps = [
              () => new BlockUsers({ uow: via(k).uow }).one(app, room.id, u),
              async () => {
                await outcomeOf(new RemoveMembers({ uow: via(k + 1).uow }).one(app, room.id, u));
                return new AddMembers({ uow: via(k).uow }).execute(app, room.id, [u]);
              },
              () => new AddMembers({ uow: via(k + 1).uow }).execute(app, room.id, [u]),
              () => new AddMembers({ uow: via(k).uow }).execute(app, room.id, [u]),
            ];
            const shift = (round + k) % steps.length;
            return [...steps.slice(shift), ...steps.slice(0, shift)];
          });

          const outcomes = await Promise.all(calls.map((call) => outcomeOf(call())));

          expect(outcomes.filter((o) => !['ok', 'UserBlocked', 'NotMembers'].includes(o))).toEqual([]);
          const blocked = new Set(await a.uow.read((r) => r.roomUserLists.list(app.id, room.id, 'blocklist')));
          const members = await a.uow.read((r) => r.memberships.rolesOf(app.id, room.id, users));
          expect(users.filter((u) => blocked.has(u) && members.has(u))).toEqual([]);
          expect(await counts(room)).toEqual({ real: 1 + members.size, stored: 1 + members.size });
        }
        expect(await auditCounters(database!.url)).toEqual(CLEAN_AUDIT);
      });

      it('50 members racing to set the same attribute key: exactly one owns it', async () => {
        const app = await seedApp(a.uow);
        const [owner, ...others] = await seedUsers(a.uow, app, 51);
        const room = await seedRoom(a, app, owner!);
        await withMembers(app, room, others);
        const set = (i: number) =>
          new SetRoomAttributes({ uow: via(i).uow }).execute(app, room.id, others[i]!, {
            metaData: { topic: `set by ${others[i]}` },
            forced: false,
          });

        const results = await Promise.all(others.map((_, i) => set(i)));

        const winners = results.flatMap((res, i) => (res.successKeys.includes('topic') ? [others[i]!] : []));
        expect(winners).toHaveLength(1);
        expect(results.filter((res) => res.errorKeys['topic'] === 'others are not allowed to be set')).toHaveLength(49);
        const stored = await a.uow.read((r) => r.roomAttributes.list(app.id, room.id));
        expect(stored).toEqual([{ key: 'topic', value: `set by ${winners[0]}`, owner: winners[0], autoDelete: true }]);
        expect(await auditCounters(database!.url)).toEqual(CLEAN_AUDIT);
      });

      it('20 parallel sets of distinct keys in a room at 95 keys end at exactly 100 keys', async () => {
        const app = await seedApp(a.uow);
        const [owner, member] = await seedUsers(a.uow, app, 2);
        const room = await seedRoom(a, app, owner!);
        await withMembers(app, room, [member!]);
        await a.uow.write((r) =>
          r.roomAttributes.upsert(
            app.id,
            room.id,
            Array.from({ length: 95 }, (_, i) => ({ key: `seed${i}`, value: 'v', owner: owner!, autoDelete: false })),
          ),
        );

        const results = await Promise.all(
          Array.from({ length: 20 }, (_, i) =>
            new SetRoomAttributes({ uow: via(i).uow }).execute(app, room.id, member!, {
              metaData: { [`new${i}`]: 'v' },
              forced: false,
            }),
          ),
        );

        const accepted = results.flatMap((res) => res.successKeys);
        expect(accepted).toHaveLength(5);
        expect(results.filter((res) => Object.keys(res.errorKeys).length === 1)).toHaveLength(15);
        expect(await a.uow.read((r) => r.roomAttributes.count(app.id, room.id))).toBe(100);
        const stored = await a.uow.read((r) => r.roomAttributes.list(app.id, room.id));
        expect(stored.filter((x) => x.key.startsWith('new')).map((x) => x.key).sort()).toEqual(accepted.sort());
        expect(await auditCounters(database!.url)).toEqual(CLEAN_AUDIT);
      });
    });
  }
});

/** 'ok', or the code of the domain error the call failed with; anything else fails the test. */
async function outcomeOf(call: Promise<unknown>): Promise<string> {
  try {
    await call;
    return 'ok';
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
}

function tally(outcomes: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const o of outcomes) counts[o] = (counts[o] ?? 0) + 1;
  return counts;
}
