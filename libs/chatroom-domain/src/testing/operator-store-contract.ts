import { describe, expect, it } from 'vitest';
import type { Operator } from '../model/operator.js';
import type { OperatorStore } from '../ports/operator-store.js';

/** A fresh, empty operator store, and how to close it. */
export type OpenOperatorStore = () => Promise<{ store: OperatorStore; close(): Promise<void> }>;

const operator = (name: string, role: Operator['role'] = 'viewer'): Operator => ({
  name,
  role,
  passwordHash: `hash-of-${name}`,
  generation: 0,
  mustChangePassword: true,
  created: 1_764_374_400_000,
});

/** The behaviour every OperatorStore shows (in-memory, PostgreSQL, MariaDB). */
export function describeOperatorStoreContract(name: string, open: OpenOperatorStore): void {
  describe(`${name}: OperatorStore`, () => {
    const withStore = (work: (store: OperatorStore) => Promise<void>) => async () => {
      const { store, close } = await open();
      try {
        await work(store);
      } finally {
        await close();
      }
    };

    it(
      'adds an operator once; a second add of the name changes nothing',
      withStore(async (store) => {
        expect(await store.add(operator('ann', 'admin'))).toBe(true);
        expect(await store.add({ ...operator('ann', 'viewer'), passwordHash: 'other' })).toBe(false);
        expect(await store.find('ann')).toEqual(operator('ann', 'admin'));
        expect(await store.find('nobody')).toBeNull();
      }),
    );

    it(
      'lists by name and removes',
      withStore(async (store) => {
        await store.add(operator('zed'));
        await store.add(operator('amy', 'admin'));
        expect((await store.list()).map((o) => [o.name, o.role])).toEqual([
          ['amy', 'admin'],
          ['zed', 'viewer'],
        ]);
        expect(await store.remove('zed')).toBe(true);
        expect(await store.remove('zed')).toBe(false);
        expect((await store.list()).map((o) => o.name)).toEqual(['amy']);
      }),
    );

    it(
      'a new password raises the generation by one each time and returns the stored operator',
      withStore(async (store) => {
        await store.add(operator('bo'));
        const first = await store.setPassword('bo', 'h1', false);
        expect(first).toEqual({ ...operator('bo'), passwordHash: 'h1', mustChangePassword: false, generation: 1 });
        const second = await store.setPassword('bo', 'h2', true);
        expect(second).toMatchObject({ passwordHash: 'h2', mustChangePassword: true, generation: 2 });
        expect(await store.find('bo')).toEqual(second);
        expect(await store.setPassword('nobody', 'h', false)).toBeNull();
      }),
    );
  });
}
