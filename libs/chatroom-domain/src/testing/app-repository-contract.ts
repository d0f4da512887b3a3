import { describe, expect, it } from 'vitest';
import { itRaces, useStore, type StoreFactory } from './store-factory.js';
import { inParallel, makeApp, randomUuid, seedApp } from './store-fixtures.js';

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
      const expected = { ...replacement, id: first.id, tokenKey: first.tokenKey, created: first.created };
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

    itRaces(factory, store, 'concurrent upserts of one new org/name create one app, and all return its id', async (via, main) => {
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
    });
  });
}
