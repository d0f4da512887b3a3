import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IdGenerator } from '../ports/id-generator.js';
import { inParallel } from './store-fixtures.js';

/** `IdGenerator`: increasing, never repeated, safe integers, also under concurrent calls. */
export function describeIdGeneratorContract(
  name: string,
  make: () => Promise<{ ids: IdGenerator; close(): Promise<void> }>,
): void {
  describe(`${name}: IdGenerator contract`, () => {
    let made: { ids: IdGenerator; close(): Promise<void> } | undefined;
    beforeAll(async () => {
      made = await make();
    });
    afterAll(() => made?.close());
    const ids = () => made!.ids;

    it('returns positive safe integers (below 2^53)', async () => {
      for (let i = 0; i < 20; i++) {
        const id = await ids().next();
        expect(Number.isSafeInteger(id)).toBe(true);
        expect(id).toBeGreaterThan(0);
      }
    });

    it('each call returns more than every call before it', async () => {
      const drawn: number[] = [];
      for (let i = 0; i < 100; i++) drawn.push(await ids().next());
      for (let i = 1; i < drawn.length; i++) expect(drawn[i]).toBeGreaterThan(drawn[i - 1]!);
    });

    it('concurrent calls never return the same number, and later calls exceed them all', async () => {
      const before = await ids().next();
      const burst = await inParallel(200, () => ids().next());
      const after = await ids().next();
      expect(new Set(burst).size).toBe(200);
      expect(Math.min(...burst)).toBeGreaterThan(before);
      expect(after).toBeGreaterThan(Math.max(...burst));
    });
  });
}
