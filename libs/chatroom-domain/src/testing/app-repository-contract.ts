import { describe, expect, it } from 'vitest';
import { itRaces, useStore, type StoreFactory } from './store-factory.js';
import type { App } from '../model/app.js';
import type { StoreHandle } from './store-factory.js';
import { inParallel, makeApp, randomUuid, seedApp, seedRoom, seedUsers } from './store-fixtures.js';

/** A room of `app` with an owner and `members` members, all new users. */
async function seedOwnedRoom(h: StoreHandle, app: App, members: number): Promise<void> {
  const [owner, ...others] = await seedUsers(h, app, members + 1);
  await seedRoom(h, app, owner!, others);
}

/** `AppRepository`: apps by org/name, upsert keeping identity, count. */
export function describeAppRepositoryContract(name: string, factory: StoreFactory): void {
  describe(`${name}: AppRepository contract`, () => {
    const store = useStore(factory);

    it('upsert creates a new app and returns it as stored, every field intact', async () => {
      const h = store().main;
      const app = makeApp({ roomQuota: 7, joinedRoomCap: 3, maxUsersCeiling: 500, customRoomIds: false });
      expect(await h.uow.write((r) => r.apps.upsert(app))).toEqual(app);
      expect(await h.uow.read((r) => r.apps.findByName(app.org, app.name))).toEqual(app);
    });

    it('findByName is null for an unknown app, and org and name must both match', async () => {
      const h = store().main;
      const app = await seedApp(h);
      const other = await seedApp(h);
      await h.uow.read(async (r) => {
        expect(await r.apps.findByName(app.org, other.name)).toBeNull();
        expect(await r.apps.findByName(other.org, app.name)).toBeNull();
        expect(await r.apps.findByName(`${app.org}-x`, app.name)).toBeNull();
      });
    });

    it('upsert of an existing org/name keeps id, token key and creation time, and replaces credentials and settings', async () => {
      const h = store().main;
      const first = await seedApp(h);
      const replacement = {
        ...first,
        id: randomUuid(),
        tokenKey: `${first.tokenKey}-new`,
        keyGeneration: first.keyGeneration + 5,
        created: first.created + 1000,
        clientId: `${first.clientId}-new`,
        clientSecretHash: `${first.clientSecretHash}-new`,
        settings: {
          roomQuota: 1,
          joinedRoomCap: 2,
          maxUsersCeiling: 3,
          customRoomIds: !first.settings.customRoomIds,
          rateLimit: { perSecond: 7 },
        },
      };
      const expected = {
        ...replacement,
        id: first.id,
        tokenKey: first.tokenKey,
        keyGeneration: first.keyGeneration,
        created: first.created,
      };
      expect(await h.uow.write((r) => r.apps.upsert(replacement))).toEqual(expected);
      expect(await h.uow.read((r) => r.apps.findByName(first.org, first.name))).toEqual(expected);
    });

    it('count grows by one for a new app and not for an upsert of an existing one', async () => {
      const h = store().main;
      const before = await h.uow.read((r) => r.apps.count());
      const app = await seedApp(h);
      expect(await h.uow.read((r) => r.apps.count())).toBe(before + 1);
      await h.uow.write((r) => r.apps.upsert({ ...app, id: randomUuid(), clientId: 'again' }));
      expect(await h.uow.read((r) => r.apps.count())).toBe(before + 1);
    });

    it('every rate-limit setting round-trips', async () => {
      const h = store().main;
      for (const rateLimit of ['off', 'easemob', { perSecond: 1 }, { perSecond: 250 }] as const) {
        const app = makeApp({ rateLimit });
        await h.uow.write((r) => r.apps.upsert(app));
        expect((await h.uow.read((r) => r.apps.findByName(app.org, app.name)))?.settings.rateLimit).toEqual(rateLimit);
      }
    });

    it('insert creates a new app, and refuses an existing org/name leaving it unchanged', async () => {
      const h = store().main;
      const app = makeApp();
      expect(await h.uow.write((r) => r.apps.insert(app))).toBe(true);
      expect(await h.uow.write((r) => r.apps.insert({ ...app, id: randomUuid(), clientId: 'other' }))).toBe(false);
      expect(await h.uow.read((r) => r.apps.findByName(app.org, app.name))).toEqual(app);
    });

    it('update replaces credentials, key, generation and settings by id, never org, name or creation time', async () => {
      const h = store().main;
      const app = await seedApp(h);
      const changed = {
        ...app,
        org: 'elsewhere',
        name: 'renamed',
        created: app.created + 5,
        clientId: `${app.clientId}-2`,
        clientSecretHash: `${app.clientSecretHash}-2`,
        tokenKey: `${app.tokenKey}-2`,
        keyGeneration: app.keyGeneration + 1,
        settings: { ...app.settings, roomQuota: 9, rateLimit: 'easemob' as const },
      };
      expect(await h.uow.write((r) => r.apps.update(changed))).toBe(true);
      const stored = await h.uow.read((r) => r.apps.findByName(app.org, app.name));
      expect(stored).toEqual({ ...changed, org: app.org, name: app.name, created: app.created });
      expect(await h.uow.write((r) => r.apps.update({ ...changed, id: randomUuid() }))).toBe(false);
    });

    it('findByNameForUpdate finds what findByName finds, inside a write', async () => {
      const h = store().main;
      const app = await seedApp(h);
      expect(await h.uow.write((r) => r.apps.findByNameForUpdate(app.org, app.name))).toEqual(app);
      expect(await h.uow.write((r) => r.apps.findByNameForUpdate(app.org, `${app.name}-x`))).toBeNull();
    });

    it('list gives every app by org then name; usage counts rooms and users', async () => {
      const h = store().main;
      const a = await seedApp(h);
      const b = await seedApp(h);
      const listed = await h.uow.read((r) => r.apps.list());
      const ours = listed.filter((x) => x.id === a.id || x.id === b.id);
      expect(ours).toEqual([a, b].sort((x, y) => (x.org < y.org ? -1 : 1)));
      const orgs = listed.map((x) => `${x.org}\u0000${x.name}`);
      expect(orgs).toEqual([...orgs].sort());
      expect(await h.uow.read((r) => r.apps.usage(a.id))).toEqual({ rooms: 0, users: 0 });
      await seedOwnedRoom(h, a, 2);
      expect(await h.uow.read((r) => r.apps.usage(a.id))).toEqual({ rooms: 1, users: 3 });
      expect(await h.uow.read((r) => r.apps.usage(b.id))).toEqual({ rooms: 0, users: 0 });
    });

    it('delete removes the app with its users and rooms, and leaves other apps alone', async () => {
      const h = store().main;
      const a = await seedApp(h);
      const b = await seedApp(h);
      await seedOwnedRoom(h, a, 1);
      await seedOwnedRoom(h, b, 1);
      expect(await h.uow.write((r) => r.apps.delete(a.id))).toBe(true);
      expect(await h.uow.read((r) => r.apps.findByName(a.org, a.name))).toBeNull();
      expect(await h.uow.read((r) => r.apps.usage(a.id))).toEqual({ rooms: 0, users: 0 });
      expect(await h.uow.read((r) => r.apps.usage(b.id))).toEqual({ rooms: 1, users: 2 });
      expect(await h.uow.write((r) => r.apps.delete(a.id))).toBe(false);
    });

    itRaces(
      factory,
      store,
      'concurrent upserts of one new org/name create one app, and all return its id',
      async (via, main) => {
        const before = await main.uow.read((r) => r.apps.count());
        const template = makeApp();
        const results = await inParallel(10, (i) =>
          via(i).uow.write((r) =>
            r.apps.upsert({ ...template, id: randomUuid(), tokenKey: `${template.tokenKey}-${i}`, clientId: `c${i}` }),
          ),
        );
        expect(new Set(results.map((a) => a.id)).size).toBe(1);
        expect(new Set(results.map((a) => a.tokenKey)).size).toBe(1);
        const stored = await main.uow.read((r) => r.apps.findByName(template.org, template.name));
        expect(stored?.id).toBe(results[0]!.id);
        expect(await main.uow.read((r) => r.apps.count())).toBe(before + 1);
      },
    );
  });
}
