import { describe, expect } from 'vitest';
import type { App } from '../model/app.js';
import type { Chatroom } from '../model/chatroom.js';
import type { UserId } from '../model/user-id.js';
import { AddMembers } from '../use-cases/add-members/add-members.js';
import { BlockUsers } from '../use-cases/block-users/block-users.js';
import { CreateChatroom } from '../use-cases/create-chatroom/create-chatroom.js';
import { ManualClock } from '../in-memory/manual-clock.js';
import { PromoteAdmin } from '../use-cases/promote-admin/promote-admin.js';
import { RemoveMembers } from '../use-cases/remove-members/remove-members.js';
import { SetRoomAttributes } from '../use-cases/set-room-attributes/set-room-attributes.js';
import type { UserResult } from '../use-cases/room-guards.js';
import { outcomeOf, tally } from './outcomes.js';
import { itRaces, useStore, type StoreFactory, type StoreHandle } from './store-factory.js';
import { countMismatches, roomOf, seedApp, seedRoom, seedUsers } from './store-fixtures.js';

/** Members added straight through the port, in batches: seeding, not under test. */
async function withMembers(h: StoreHandle, app: App, room: Chatroom, users: readonly UserId[]): Promise<void> {
  for (let i = 0; i < users.length; i += 1000) {
    const outcome = await h.uow.write((r) =>
      r.memberships.add(app.id, room.id, users.slice(i, i + 1000), 'member', app.settings.joinedRoomCap),
    );
    if (!outcome.ok) throw new Error(`seeding refused: ${outcome.reason}`);
  }
}

/** The room's stored member count is its real one, and every stored counter of the store is right. */
async function expectCountsRight(h: StoreHandle, app: App, room: Chatroom, members: number): Promise<void> {
  expect((await roomOf(h, app, room.id)).memberCount).toBe(members);
  expect(await countMismatches(h, app, [room.id])).toEqual([]);
  expect(await h.probes.counterMismatches()).toEqual([]);
}

/**
 * Deadlocks the store reported on these handles so far (a store that cannot deadlock has no
 * probe: 0). Every write that touches a room takes the room first, then its memberships, then
 * the users' counters, so racing writes on one room queue and never wait on each other in a
 * cycle: the races below assert that this count does not move.
 */
function deadlocksOn(...handles: StoreHandle[]): number {
  return [...new Set(handles)].reduce((n, h) => n + (h.probes.deadlocks?.() ?? 0), 0);
}

/**
 * The use cases' races with real parallel calls: each once with every call through one handle
 * and once with the calls alternating between two handles, as two server processes would.
 * Every outcome is asserted, and every race ends with a recount of the counters.
 */
export function describeUseCaseRacesContract(name: string, factory: StoreFactory): void {
  describe(`${name}: use cases racing`, () => {
    const store = useStore(factory);

    itRaces(
      factory,
      store,
      '300 parallel single additions to a room with maxusers 100 end with exactly 100 members',
      async (via, main) => {
        const app = await seedApp(main);
        const [owner, ...others] = await seedUsers(main, app, 301);
        const room = await seedRoom(main, app, owner!, [], { maxUsers: 100 });

        const outcomes = await Promise.all(
          others.map((u, i) => outcomeOf(new AddMembers({ uow: via(i).uow }).execute(app, room.id, [u]))),
        );

        expect(tally(outcomes)).toEqual({ ok: 99, MembersExceedMaxUsers: 201 });
        await expectCountsRight(main, app, room, 100);
        // Each JOIN carries the count its own addition left: 2, 3, …, 100, each once.
        const joins = await main.uow.read((r) => r.eventLog.roomPage(app.id, room.id, 200));
        expect(joins.map((e) => e.memberCount).sort((x, y) => x! - y!)).toEqual(
          Array.from({ length: 99 }, (_, i) => i + 2),
        );
      },
    );

    itRaces(
      factory,
      store,
      '20 parallel batches of 10 into a room with room for 55 add whole batches only: 5 of them',
      async (via, main) => {
        const app = await seedApp(main);
        const [owner, ...others] = await seedUsers(main, app, 201);
        const room = await seedRoom(main, app, owner!, [], { maxUsers: 56 });
        const batches = Array.from({ length: 20 }, (_, i) => others.slice(i * 10, i * 10 + 10));

        const outcomes = await Promise.all(
          batches.map((batch, i) => outcomeOf(new AddMembers({ uow: via(i).uow }).execute(app, room.id, batch))),
        );

        expect(tally(outcomes)).toEqual({ ok: 5, MembersExceedMaxUsers: 15 });
        const members = await main.uow.read((r) => r.memberships.listPage(app.id, room.id, 0, 100));
        const joined = new Set(members.map((m) => m.username));
        // Every batch is in whole or not at all, and exactly the accepted ones are in.
        batches.forEach((batch, i) =>
          expect(batch.map((u) => joined.has(u))).toEqual(Array(10).fill(outcomes[i] === 'ok')),
        );
        await expectCountsRight(main, app, room, 51);
      },
    );

    itRaces(
      factory,
      store,
      'a user two rooms short of the joined-room cap racing to join 10 rooms ends at exactly the cap',
      async (via, main) => {
        const app = await seedApp(main, { joinedRoomCap: 5 });
        const [racer] = await seedUsers(main, app, 1);
        for (let i = 0; i < 3; i++) await seedRoom(main, app, racer!); // racer owns 3 rooms: 2 joins left
        const hosts = await seedUsers(main, app, 10, 'host');
        const targets: Chatroom[] = [];
        for (const host of hosts) targets.push(await seedRoom(main, app, host));
        const join = () =>
          Promise.all(
            targets.map((room, i) => outcomeOf(new AddMembers({ uow: via(i).uow }).execute(app, room.id, [racer!]))),
          );

        expect(tally(await join())).toEqual({ ok: 2, JoinCapExceeded: 8 });
        const joined = await main.uow.read((r) => r.memberships.joinedRooms(app.id, racer!, 0, 100));
        expect(joined).toHaveLength(5);
        expect(await main.probes.counterMismatches()).toEqual([]);

        // At the cap, every further racing join is refused; the 2 already joined succeed, changing nothing.
        expect(tally(await join())).toEqual({ ok: 2, JoinCapExceeded: 8 });
        expect(await main.uow.read((r) => r.memberships.joinedRooms(app.id, racer!, 0, 100))).toEqual(joined);
        expect(await main.probes.counterMismatches()).toEqual([]);
      },
    );

    itRaces(
      factory,
      store,
      '100 parallel promotions in a room of 150 members end with 99 admins and one refusal',
      async (via, main) => {
        const app = await seedApp(main);
        const [owner, ...others] = await seedUsers(main, app, 151);
        const room = await seedRoom(main, app, owner!);
        await withMembers(main, app, room, others);

        const outcomes = await Promise.all(
          others.slice(0, 100).map((u, i) => outcomeOf(new PromoteAdmin({ uow: via(i).uow }).execute(app, room.id, u))),
        );

        expect(tally(outcomes)).toEqual({ ok: 99, AdminLimitReached: 1 });
        const admins = await main.uow.read((r) => r.memberships.admins(app.id, room.id));
        expect(admins).toHaveLength(99);
        expect(admins).not.toContain(others[outcomes.indexOf('AdminLimitReached')]);
        await expectCountsRight(main, app, room, 151);
      },
    );

    itRaces(
      factory,
      store,
      'blocking users while they are removed and added again never leaves anyone both blocked and a member (30 rounds)',
      async (via, main) => {
        const app = await seedApp(main);
        const [owner, ...users] = await seedUsers(main, app, 5);
        const deadlocks = deadlocksOn(via(0), via(1));
        for (let round = 0; round < 30; round++) {
          const room = await seedRoom(main, app, owner!);
          await withMembers(main, app, room, users);
          // Per user: a block, a removal followed by an addition, and two plain additions,
          // started in an order that differs by round and user. Each call answers `step:outcome`.
          const calls = users.flatMap((u, k) => {
            const steps: (() => Promise<string>)[] = [
              async () => `block:${await outcomeOf(new BlockUsers({ uow: via(k).uow }).one(app, room.id, u))}`,
              async () => {
                const removed = await outcomeOf(new RemoveMembers({ uow: via(k + 1).uow }).one(app, room.id, u));
                const added = await outcomeOf(new AddMembers({ uow: via(k).uow }).execute(app, room.id, [u]));
                return `remove:${removed} add:${added}`;
              },
              async () => `add:${await outcomeOf(new AddMembers({ uow: via(k + 1).uow }).execute(app, room.id, [u]))}`,
              async () => `add:${await outcomeOf(new AddMembers({ uow: via(k).uow }).execute(app, room.id, [u]))}`,
            ];
            const shift = (round + k) % steps.length;
            return [...steps.slice(shift), ...steps.slice(0, shift)].map((step) => async () => `${u} ${await step()}`);
          });

          const outcomes = await Promise.all(calls.map((call) => call()));

          const blocked = new Set(await main.uow.read((r) => r.roomUserLists.list(app.id, room.id, 'blocklist')));
          const members = await main.uow.read((r) => r.memberships.rolesOf(app.id, room.id, users));
          const allowed =
            /^\S+ (block:(ok|NotMembers)|add:(ok|UserBlocked)|remove:(ok|NotMembers) add:(ok|UserBlocked))$/;
          expect(outcomes.filter((o) => !allowed.test(o))).toEqual([]);
          for (const u of users) {
            // A block that succeeded removed the member and refuses every later addition; one that
            // found the user between their removal and re-addition failed, and the addition won.
            const blockedOk = outcomes.includes(`${u} block:ok`);
            expect({ u, blocked: blocked.has(u), member: members.has(u) }).toEqual({
              u,
              blocked: blockedOk,
              member: !blockedOk,
            });
          }
          await expectCountsRight(main, app, room, 1 + members.size);
        }
        expect(deadlocksOn(via(0), via(1)) - deadlocks).toBe(0);
      },
    );

    itRaces(
      factory,
      store,
      'additions racing a block of the same users take the room first: no deadlock, nobody both blocked and a member (20 rounds)',
      async (via, main) => {
        const app = await seedApp(main);
        const [owner, ...users] = await seedUsers(main, app, 8);
        const deadlocks = deadlocksOn(via(0), via(1));
        for (let round = 0; round < 20; round++) {
          const room = await seedRoom(main, app, owner!);
          await withMembers(
            main,
            app,
            room,
            users.filter((_, k) => (k + round) % 2 === 0),
          );
          // Three additions of every user and one block of all of them, the block started at a
          // place that moves by round: each addition inserts a membership and bumps the room's and
          // the user's counters; the block locks the room, then removes memberships and counters.
          const adds = users.flatMap((u, k) =>
            [0, 1, 2].map((j) => () => outcomeOf(new AddMembers({ uow: via(k + j).uow }).execute(app, room.id, [u]))),
          );
          let blockResults: UserResult[] = [];
          const block = async () => {
            blockResults = await new BlockUsers({ uow: via(round).uow }).many(app, room.id, users);
            return 'ok';
          };
          const at = (round * 5) % (adds.length + 1);
          const addOutcomes = (
            await Promise.all([...adds.slice(0, at), block, ...adds.slice(at)].map((call) => call()))
          ).filter((_, i) => i !== at);

          expect(addOutcomes.filter((o) => o !== 'ok' && o !== 'UserBlocked')).toEqual([]);
          const blocked = new Set(await main.uow.read((r) => r.roomUserLists.list(app.id, room.id, 'blocklist')));
          const members = await main.uow.read((r) => r.memberships.rolesOf(app.id, room.id, users));
          // Whoever the block found in the room it took out and keeps out; whoever it missed was
          // added after it, so every user is exactly one of the two.
          expect(users.filter((u) => blocked.has(u) === members.has(u))).toEqual([]);
          expect([...blocked].sort()).toEqual(
            blockResults
              .filter((x) => x.ok)
              .map((x) => x.username)
              .sort(),
          );
          await expectCountsRight(main, app, room, 1 + members.size);
        }
        expect(deadlocksOn(via(0), via(1)) - deadlocks).toBe(0);
      },
    );

    itRaces(
      factory,
      store,
      '50 members racing to set the same attribute key: exactly one owns it',
      async (via, main) => {
        const app = await seedApp(main);
        const [owner, ...others] = await seedUsers(main, app, 51);
        const room = await seedRoom(main, app, owner!);
        await withMembers(main, app, room, others);

        const results = await Promise.all(
          others.map((u, i) =>
            new SetRoomAttributes({ uow: via(i).uow }).execute(app, room.id, u, {
              metaData: { topic: `set by ${u}` },
              forced: false,
            }),
          ),
        );

        const winners = results.flatMap((res, i) => (res.successKeys.includes('topic') ? [others[i]!] : []));
        expect(winners).toHaveLength(1);
        expect(results.filter((res) => res.errorKeys['topic'] === 'others are not allowed to be set')).toHaveLength(49);
        const stored = await main.uow.read((r) => r.roomAttributes.list(app.id, room.id));
        expect(stored).toEqual([{ key: 'topic', value: `set by ${winners[0]}`, owner: winners[0], autoDelete: true }]);
      },
    );

    itRaces(
      factory,
      store,
      '20 parallel sets of distinct keys in a room at 95 keys end at exactly 100 keys',
      async (via, main) => {
        const app = await seedApp(main);
        const [owner, member] = await seedUsers(main, app, 2);
        const room = await seedRoom(main, app, owner!, [member!]);
        await main.uow.write((r) =>
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
        expect(await main.uow.read((r) => r.roomAttributes.count(app.id, room.id))).toBe(100);
        const stored = await main.uow.read((r) => r.roomAttributes.list(app.id, room.id));
        expect(
          stored
            .filter((x) => x.key.startsWith('new'))
            .map((x) => x.key)
            .sort(),
        ).toEqual(accepted.sort());
      },
    );
    itRaces(
      factory,
      store,
      'additions and creates naming overlapping users in opposite orders take the users in one order: no deadlock, every count right',
      async (via, main) => {
        const app = await seedApp(main);
        const [owner, ...users] = await seedUsers(main, app, 41);
        const rooms = [];
        for (let i = 0; i < 12; i++) rooms.push(await seedRoom(main, app, owner!));
        const deadlocks = deadlocksOn(via(0), via(1));
        // Every room gets all 40 users at once, half of the rooms in the users' order and half
        // reversed, so each addition counts rows another one counts too, from the other end.
        const outcomes = await Promise.all(
          rooms.map((room, i) => {
            const order = i % 2 === 0 ? users : [...users].reverse();
            return outcomeOf(new AddMembers({ uow: via(i).uow }).execute(app, room.id, order));
          }),
        );
        expect(tally(outcomes)).toEqual({ ok: rooms.length });
        for (const room of rooms) await expectCountsRight(main, app, room, 1 + users.length);
        // Creates with the same members, in both orders, each counting all of them in one go.
        const clock = new ManualClock(Date.UTC(2026, 0, 1));
        const created = await Promise.all(
          Array.from({ length: 12 }, (_, i) =>
            outcomeOf(
              new CreateChatroom({ uow: via(i).uow, clock }).execute(app, {
                name: `overlap ${i}`,
                description: '',
                owner: owner!,
                maxUsers: 100,
                members: i % 2 === 0 ? users : [...users].reverse(),
              }),
            ),
          ),
        );
        expect(tally(created)).toEqual({ ok: 12 });
        expect(await main.probes.counterMismatches()).toEqual([]);
        expect(deadlocksOn(via(0), via(1)) - deadlocks).toBe(0);
      },
    );
  });
}
