import { describe, expect, it } from 'vitest';
import type { CredentialHasher } from '../ports/credential-hasher.js';

function replaceAt(text: string, i: number): string {
  return `${text.slice(0, i)}${text[i] === 'A' ? 'B' : 'A'}${text.slice(i + 1)}`;
}

/** `CredentialHasher`: salted hashes that verify only the secret they were made from. */
export function describeCredentialHasherContract(name: string, make: () => CredentialHasher): void {
  describe(`${name}: CredentialHasher contract`, () => {
    it('a hash verifies the secret it was made from', async () => {
      const hasher = make();
      for (const secret of ['s3cret', 'Ünïcode 秘密 🔑', 'x'.repeat(1000), ' ']) {
        expect(await hasher.verify(secret, await hasher.hash(secret))).toBe(true);
      }
    });

    it('a hash rejects every other secret, near misses included', async () => {
      const hasher = make();
      const hash = await hasher.hash('correct horse');
      for (const wrong of ['correct hors', 'correct horse ', 'Correct horse', 'correct horsf', '', 'battery staple']) {
        expect(await hasher.verify(wrong, hash)).toBe(false);
      }
    });

    it('is salted: two hashes of one secret differ, and each verifies', async () => {
      const hasher = make();
      const [a, b] = [await hasher.hash('same secret'), await hasher.hash('same secret')];
      expect(a).not.toBe(b);
      expect(await hasher.verify('same secret', a)).toBe(true);
      expect(await hasher.verify('same secret', b)).toBe(true);
    });

    it('a hash made by another instance verifies (nothing kept in memory)', async () => {
      const hash = await make().hash('shared secret');
      expect(await make().verify('shared secret', hash)).toBe(true);
    });

    it('a malformed or tampered hash verifies nothing, without throwing', async () => {
      const hasher = make();
      const hash = await hasher.hash('secret');
      // Truncations by 1 to 4 characters: one of them ends on a whole byte in any base-64 text.
      const truncated = [1, 2, 3, 4].map((n) => hash.slice(0, -n));
      const changed = [Math.floor(hash.length / 2), hash.length - 5].map((i) => replaceAt(hash, i));
      for (const bad of ['', 'garbage', '$$$$', ...truncated, ...changed, `${hash}A`, `${hash}AAAA`]) {
        expect(await hasher.verify('secret', bad)).toBe(false);
      }
    });
  });
}
