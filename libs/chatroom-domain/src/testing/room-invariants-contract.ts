import { describe, expect } from 'vitest';
import type { App } from '../model/app.js';
import type { UserId } from '../model/user-id.js';
import { CreateChatroom } from '../use-cases/create-chatroom/create-chatroom.js';
import { DeleteUser } from '../use-cases/delete-user/delete-user.js';
import { ModifyChatroom } from '../use-cases/modify-chatroom/modify-chatroom.js';
import { TransferChatroom } from '../use-cases/transfer-chatroom/transfer-chatroom.js';
import { outcomeOf, tally } from './outcomes.js';
import { itRaces, useStore, type StoreFactory, type StoreHandle } from './store-factory.js';
import { allRooms, seedApp, seedRoom, seedUsers } from './store-fixtures.js';

/** The ports CreateChatroom needs, from a handle. */
function creating(h: StoreHandle): CreateChatroom {
  const deps = { uow: h.uow, ids: h.ids, clock: { now: () => Date.now() } };
  return new CreateChatroom(deps);
}

/**
 * Every room of the app: exactly one owner, who is `room.owner`; nobody twice; the stored
 * member count equals the affiliations and stays ≤ maxusers; every affiliated user exists;
 * and the store's own counters are right.
 */
async function expectWellFormedRooms(h: StoreHandle, app: App): Promise<void> {
  const rooms = await allRooms(h, app);
  const affiliations = await h.uow.read((r) =>
    r.memberships.affiliations(
      app.id,
      rooms.map((room) => room.id),
    ),
  );
  for (const room of rooms) {
    const names = (affiliations.get(room.id) ?? []).map((a) => a.username);
    const owners = (affiliations.get(room.id) ?? []).filter((a) => a.role === 'owner').map((a) => a.username);
    expect(owners, `owners of ${room.id}`).toEqual([room.owner]);
    expect(new Set(names).size, `distinct users of ${room.id}`).toBe(names.length);
    expect(room.memberCount, `count of ${room.id}`).toBe(names.length);
    expect(room.memberCount, `count of ${room.id}`).toBeLessThanOrEqual(room.maxUsers);
    expect(await h.uow.read((r) => r.users.findExisting(app.id, names)), `users of ${room.id}`).toHaveLength(
      names.length,
    );
  }
  expect(await h.probes.counterMismatches()).toEqual([]);
}

/** The room invariants of decisions.md under use cases racing each other, every outcome asserted. */
export function describeRoomInvariantsContract(name: string, factory: StoreFactory): void {
  describe(`${name}: room invariants under racing use cases`, () => {
    const store = useStore(factory);

    itRaces(
      factory,
      store,
      'a transfer racing the deletion of the new owner and another transfer leaves one owner, or no room',
      async (via, main) => {
        const app = await seedApp(main);
        const [alice, bob, carol] = await seedUsers(main, app, 3);
        const room = await seedRoom(main, app, alice!, [bob!, carol!]);

        const [toBob, deletion, toCarol] = await Promise.all([
          outcomeOf(new TransferChatroom({ uow: via(0).uow }).execute(app, room.id, bob!)),
          outcomeOf(new DeleteUser({ uow: via(1).uow }).execute(app, bob!)),
          outcomeOf(new TransferChatroom({ uow: via(2).uow }).execute(app, room.id, carol!)),
        ]);

        expect(deletion).toBe('ok');
        // NotMembers: bob was still a member when the transfer looked, and gone when it promoted him.
        expect(['ok', 'UserNotFound', 'NotMembers']).toContain(toBob);
        expect(['ok', 'ChatroomNotFound']).toContain(toCarol);
        const [left] = await main.uow.read((r) => r.chatrooms.findByIds(app.id, [room.id]));
        if (left) {
          // Bob never owned it when he was deleted: carol's transfer came last, or bob's failed.
          expect(toCarol).toBe('ok');
          expect(left.owner).toBe(carol);
        } else {
          // Only bob's deletion dissolves it, so it was his when he was deleted.
          expect(toBob).toBe('ok');
        }
        await expectWellFormedRooms(main, app);
      },
    );

    itRaces(
      factory,
      store,
      'a maxusers change racing a member deletion and a create succeeds only when the deletion came first',
      async (via, main) => {
        const app = await seedApp(main);
        const [alice, bob, carol, dave] = await seedUsers(main, app, 4);
        const room = await seedRoom(main, app, alice!, [bob!, carol!, dave!]);

        const [deletion, modify, create] = await Promise.all([
          outcomeOf(new DeleteUser({ uow: via(0).uow }).execute(app, dave!)),
          outcomeOf(new ModifyChatroom({ uow: via(1).uow }).execute(app, room.id, { maxUsers: 3 })),
          outcomeOf(creating(via(2)).execute(app, { name: 'r', description: 'd', owner: bob!, members: [carol!] })),
        ]);

        expect([deletion, create]).toEqual(['ok', 'ok']);
        expect(['ok', 'MaxUsersBelowMemberCount']).toContain(modify);
        const after = await main.uow.read((r) => r.chatrooms.findById(app.id, room.id));
        expect(after).toMatchObject({ memberCount: 3, maxUsers: modify === 'ok' ? 3 : room.maxUsers });
        await expectWellFormedRooms(main, app);
      },
    );

    itRaces(
      factory,
      store,
      'four parallel creates, each naming 3 of 4 users whose joined-room cap is 2: exactly two succeed',
      async (via, main) => {
        const app = await seedApp(main, { joinedRoomCap: 2 });
        const users = await seedUsers(main, app, 4);
        // Create i leaves out user i: any two fit under the cap, any three put someone in three rooms.
        const casts = users.map((_, i) => users.filter((__, j) => j !== i));

        const outcomes = await Promise.all(
          casts.map(([owner, ...members], i) =>
            outcomeOf(creating(via(i)).execute(app, { name: 'r', description: 'd', owner: owner!, members })),
          ),
        );

        expect(tally(outcomes)).toEqual({ ok: 2, UserRoomCapExceeded: 2 });
        const created = casts.filter((_, i) => outcomes[i] === 'ok');
        for (const u of users) {
          const joined = await main.uow.read((r) => r.memberships.joinedRooms(app.id, u, 0, 10));
          expect(joined, u).toHaveLength(created.filter((cast) => cast.includes(u)).length);
        }
        expect(await allRooms(main, app)).toHaveLength(2);
        await expectWellFormedRooms(main, app);
      },
    );

    itRaces(
      factory,
      store,
      "creates naming a user racing that user's deletion: the user ends in no room",
      async (via, main) => {
        const app = await seedApp(main);
        const [alice, bob, carol] = await seedUsers(main, app, 3);
        const create = (i: number, owner: UserId) =>
          outcomeOf(creating(via(i)).execute(app, { name: 'r', description: 'd', owner, members: [bob!] }));

        const [first, deletion, second] = await Promise.all([
          create(0, alice!),
          outcomeOf(new DeleteUser({ uow: via(1).uow }).execute(app, bob!)),
          create(2, carol!),
        ]);

        expect(deletion).toBe('ok');
        expect(['ok', 'UserNotFound']).toContain(first);
        expect(['ok', 'UserNotFound']).toContain(second);
        const rooms = await allRooms(main, app);
        expect(rooms.map((r) => r.owner).sort()).toEqual([
          ...(first === 'ok' ? [alice] : []),
          ...(second === 'ok' ? [carol] : []),
        ]);
        for (const room of rooms) expect(room.memberCount).toBe(1);
        await expectWellFormedRooms(main, app);
      },
    );
  });
}
