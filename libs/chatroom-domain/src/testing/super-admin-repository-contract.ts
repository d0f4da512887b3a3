import { describe, expect, it } from 'vitest';
import type { UserId } from '../model/user-id.js';
import { itRaces, useStore, type StoreFactory } from './store-factory.js';
import { inParallel, seedApp, seedUsers, writeThenFail } from './store-fixtures.js';

/** `SuperAdminRepository`: the app's super admins, in the order they were made. */
export function describeSuperAdminRepositoryContract(name: string, factory: StoreFactory): void {
  describe(`${name}: SuperAdminRepository contract`, () => {
    const store = useStore(factory);

    async function appWithUsers(count: number) {
      const h = store().main;
      const app = await seedApp(h);
      const users = await seedUsers(h, app, count);
      const add = (...usernames: UserId[]) =>
        h.uow.write(async (r) => {
          for (const u of usernames) await r.superAdmins.add(app.id, u);
        });
      const page = (offset = 0, limit = 100) => h.uow.read((r) => r.superAdmins.listPage(app.id, offset, limit));
      return { h, app, users, add, page };
    }

    it('add makes users super admins; listPage gives them in the order they were made', async () => {
      const { users, add, page } = await appWithUsers(3);
      const [a, b, c] = users;
      await add(c!, a!);
      await add(b!);
      expect(await page()).toEqual([c, a, b]);
    });

    it('adding a super admin again keeps their place and lists them once', async () => {
      const { users, add, page } = await appWithUsers(3);
      const [a, b, c] = users;
      await add(a!, b!);
      await add(c!, a!, a!);
      expect(await page()).toEqual([a, b, c]);
    });

    it('listPage pages by offset and limit', async () => {
      const { users, add, page } = await appWithUsers(5);
      await add(...users);
      expect(await page(0, 2)).toEqual(users.slice(0, 2));
      expect(await page(2, 2)).toEqual(users.slice(2, 4));
      expect(await page(4, 2)).toEqual(users.slice(4));
      expect(await page(5, 2)).toEqual([]);
      expect(await page(0, 1000)).toEqual(users);
    });

    it('an app without super admins lists none', async () => {
      const { page } = await appWithUsers(1);
      expect(await page()).toEqual([]);
    });

    it('remove returns true for a super admin, false otherwise; one removed and made again goes last', async () => {
      const { h, app, users, add, page } = await appWithUsers(3);
      const [a, b, c] = users;
      await add(a!, b!);
      expect(await h.uow.write((r) => r.superAdmins.remove(app.id, a!))).toBe(true);
      expect(await h.uow.write((r) => r.superAdmins.remove(app.id, a!))).toBe(false);
      expect(await h.uow.write((r) => r.superAdmins.remove(app.id, c!))).toBe(false);
      expect(await page()).toEqual([b]);
      await add(a!);
      expect(await page()).toEqual([b, a]);
    });

    it('super admins belong to one app', async () => {
      const h = store().main;
      const [app, other] = [await seedApp(h), await seedApp(h)];
      const [user] = await seedUsers(h, app, 1);
      const [sameName] = await seedUsers(h, other, 1);
      await h.uow.write((r) => r.superAdmins.add(app.id, user!));
      expect(await h.uow.read((r) => r.superAdmins.listPage(other.id, 0, 10))).toEqual([]);
      expect(await h.uow.write((r) => r.superAdmins.remove(other.id, sameName!))).toBe(false);
      expect(await h.uow.read((r) => r.superAdmins.listPage(app.id, 0, 10))).toEqual([user]);
    });

    it('a throwing write undoes its changes', async () => {
      const { h, app, users, add, page } = await appWithUsers(2);
      const [a, b] = users;
      await add(a!);
      await writeThenFail(h, async (r) => {
        await r.superAdmins.remove(app.id, a!);
        await r.superAdmins.add(app.id, b!);
      });
      expect(await page()).toEqual([a]);
    });

    itRaces(factory, store, 'parallel additions of one super admin list them once', async (via, main) => {
      const app = await seedApp(main);
      const [user] = await seedUsers(main, app, 1);
      await inParallel(20, (i) => via(i).uow.write((r) => r.superAdmins.add(app.id, user!)));
      expect(await main.uow.read((r) => r.superAdmins.listPage(app.id, 0, 10))).toEqual([user]);
    });
  });
}
