import { describe, expect, it } from 'vitest';
import type { UserId } from '../model/user-id.js';
import { itRaces, useStore, type StoreFactory } from './store-factory.js';
import {
  inParallel,
  makeAttribute,
  makeUser,
  roomExtrasOf,
  seedApp,
  seedRoom,
  seedRoomExtras,
  seedUsers,
  sorted,
  T0,
} from './store-fixtures.js';

/** `UserRepository`: users of one app, inserted without duplicates even under races. */
export function describeUserRepositoryContract(name: string, factory: StoreFactory): void {
  describe(`${name}: UserRepository contract`, () => {
    const store = useStore(factory);

    it('insertMany stores every field and returns the usernames inserted, in order', async () => {
      const h = store().main;
      const app = await seedApp(h);
      const alice = makeUser(app, 'alice', {
        nickname: 'Alice 🌸',
        created: 1_700_000_000_123,
        modified: 1_700_000_000_456,
      });
      const bob = makeUser(app, 'bob.b-0_9');
      expect(await h.uow.write((r) => r.users.insertMany([alice, bob]))).toEqual(['alice', 'bob.b-0_9']);
      await h.uow.read(async (r) => {
        expect(await r.users.findByUsername(app.id, alice.username)).toEqual(alice);
        expect(await r.users.findByUsername(app.id, bob.username)).toEqual(bob);
      });
    });

    it('insertMany skips usernames already taken and keeps the stored user', async () => {
      const h = store().main;
      const app = await seedApp(h);
      const first = makeUser(app, 'taken');
      await h.uow.write((r) => r.users.insertMany([first]));
      const again = makeUser(app, 'taken', { nickname: 'impostor' });
      const fresh = makeUser(app, 'fresh');
      expect(await h.uow.write((r) => r.users.insertMany([again, fresh]))).toEqual(['fresh']);
      expect(await h.uow.read((r) => r.users.findByUsername(app.id, first.username))).toEqual(first);
    });

    it('insertMany of an empty list inserts nothing', async () => {
      const h = store().main;
      expect(await h.uow.write((r) => r.users.insertMany([]))).toEqual([]);
    });

    it('the same username is free in another app', async () => {
      const h = store().main;
      const [one, two] = [await seedApp(h), await seedApp(h)];
      const inOne = makeUser(one, 'shared');
      const inTwo = makeUser(two, 'shared');
      expect(await h.uow.write((r) => r.users.insertMany([inOne]))).toEqual(['shared']);
      expect(await h.uow.write((r) => r.users.insertMany([inTwo]))).toEqual(['shared']);
      expect(await h.uow.read((r) => r.users.findByUsername(two.id, inTwo.username))).toEqual(inTwo);
    });

    it('findByUsername is null for an unknown user and for a user of another app', async () => {
      const h = store().main;
      const [one, two] = [await seedApp(h), await seedApp(h)];
      const [user] = await seedUsers(h, one, 1);
      await h.uow.read(async (r) => {
        expect(await r.users.findByUsername(one.id, 'nobody' as UserId)).toBeNull();
        expect(await r.users.findByUsername(two.id, user!)).toBeNull();
      });
    });

    it('findExisting returns the subset that exists in this app, and nothing for an empty list', async () => {
      const h = store().main;
      const [one, two] = [await seedApp(h), await seedApp(h)];
      const [u1, u2, u3] = await seedUsers(h, one, 3);
      await seedUsers(h, two, 1, 'elsewhere');
      const asked = [u3!, 'ghost' as UserId, u1!, 'elsewhere1' as UserId];
      await h.uow.read(async (r) => {
        expect(sorted(await r.users.findExisting(one.id, asked))).toEqual(sorted([u1!, u3!]));
        expect(sorted(await r.users.findExisting(one.id, [u2!]))).toEqual([u2]);
        expect(await r.users.findExisting(one.id, [])).toEqual([]);
        expect(await r.users.findExisting(two.id, [u1!])).toEqual([]);
      });
    });

    it('delete removes the user, returns false when there is none, and frees the username', async () => {
      const h = store().main;
      const app = await seedApp(h);
      const [gone, stays] = await seedUsers(h, app, 2);
      expect(await h.uow.write((r) => r.users.delete(app.id, gone!))).toBe(true);
      expect(await h.uow.write((r) => r.users.delete(app.id, gone!))).toBe(false);
      expect(await h.uow.write((r) => r.users.delete(app.id, 'never' as UserId))).toBe(false);
      expect(await h.uow.read((r) => r.users.findExisting(app.id, [gone!, stays!]))).toEqual([stays]);
      expect(await h.uow.write((r) => r.users.insertMany([makeUser(app, gone!)]))).toEqual([gone]);
    });

    it('delete touches only its own app', async () => {
      const h = store().main;
      const [one, two] = [await seedApp(h), await seedApp(h)];
      const [user] = await seedUsers(h, one, 1);
      await seedUsers(h, two, 1);
      expect(await h.uow.write((r) => r.users.delete(two.id, user!))).toBe(true);
      expect(await h.uow.read((r) => r.users.findExisting(one.id, [user!]))).toEqual([user]);
    });

    it('delete removes every entry naming the user: list entries, mutes, owned attributes, super-admin role', async () => {
      const h = store().main;
      const [app, other] = [await seedApp(h), await seedApp(h)];
      const [owner, gone, bystander, stranger] = await seedUsers(h, app, 4);
      const [otherOwner, sameName] = await seedUsers(h, other, 2, 'user');
      expect(sameName).toBe(gone);
      // `gone` is blocked in one room, and allowlisted, muted and owner of attributes in another.
      const blockedIn = await seedRoom(h, app, owner!, [bystander!]);
      const memberOf = await seedRoom(h, app, owner!, [gone!, bystander!]);
      const foreign = await seedRoom(h, other, otherOwner!, [sameName!]);
      const blockedBefore = await seedRoomExtras(h, app, blockedIn.id, gone!, bystander!);
      await seedRoomExtras(h, app, memberOf.id, stranger!, gone!);
      const foreignBefore = await seedRoomExtras(h, other, foreign.id, otherOwner!, sameName!);
      await h.uow.write(async (r) => {
        await r.roomUserLists.add(app.id, memberOf.id, 'allowlist', [bystander!]);
        await r.mutes.upsert(app.id, memberOf.id, [{ username: bystander!, expiresAt: T0 + 1000 }]);
        await r.roomAttributes.upsert(app.id, memberOf.id, [makeAttribute('theirs', bystander!)]);
        for (const [appId, u] of [
          [app.id, gone!],
          [app.id, bystander!],
          [other.id, sameName!],
        ] as const) {
          await r.superAdmins.add(appId, u);
        }
      });
      await h.uow.write(async (r) => {
        await r.memberships.removeEverywhere(app.id, gone!);
        expect(await r.users.delete(app.id, gone!)).toBe(true);
      });
      expect(await roomExtrasOf(h, app, blockedIn.id)).toEqual({ ...blockedBefore, blocklist: [] });
      expect(await roomExtrasOf(h, app, memberOf.id)).toEqual({
        announcement: `news of ${memberOf.id}`,
        blocklist: [stranger],
        allowlist: [bystander],
        mutes: [{ username: bystander, expiresAt: T0 + 1000 }],
        attributes: [makeAttribute('theirs', bystander!)],
      });
      expect(await h.uow.read((r) => r.superAdmins.listPage(app.id, 0, 10))).toEqual([bystander]);
      expect(await roomExtrasOf(h, other, foreign.id)).toEqual(foreignBefore);
      expect(await h.uow.read((r) => r.superAdmins.listPage(other.id, 0, 10))).toEqual([sameName]);
    });

    itRaces(factory, store, 'units inserting the same username at once: exactly one wins', async (via, main) => {
      const app = await seedApp(main);
      const candidates = Array.from({ length: 20 }, (_, i) => makeUser(app, 'contested', { nickname: `n${i}` }));
      const results = await inParallel(20, (i) => via(i).uow.write((r) => r.users.insertMany([candidates[i]!])));
      const winners = results.flatMap((inserted, i) => (inserted.length > 0 ? [i] : []));
      expect(winners).toHaveLength(1);
      expect(results[winners[0]!]).toEqual(['contested']);
      const stored = await main.uow.read((r) => r.users.findByUsername(app.id, 'contested' as UserId));
      expect(stored).toEqual(candidates[winners[0]!]);
    });

    itRaces(
      factory,
      store,
      'overlapping batches inserted at once: every name inserted exactly once',
      async (via, main) => {
        const app = await seedApp(main);
        // Batch i holds names i … i+4: neighbours overlap, in different orders.
        const batches = Array.from({ length: 10 }, (_, i) => {
          const names = Array.from({ length: 5 }, (_, k) => `overlap${i + k}`);
          return (i % 2 === 0 ? names : names.reverse()).map((n) => makeUser(app, n));
        });
        const results = await inParallel(10, (i) => via(i).uow.write((r) => r.users.insertMany(batches[i]!)));
        const all = results.flat();
        expect(sorted(all)).toEqual(sorted([...new Set(all)]));
        expect(all).toHaveLength(14);
      },
    );
  });
}
