import { describe, expect, it } from 'vitest';
import type { Random } from '../ports/random.js';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
/** 256 bits in base64url take 43 characters. */
const SECRET = /^[A-Za-z0-9_-]{43,}$/;

/** `Random`: well-formed, distinct UUIDs and URL-safe secrets of at least 256 bits. */
export function describeRandomContract(name: string, make: () => Random): void {
  describe(`${name}: Random contract`, () => {
    it('uuid gives lower-case RFC 4122 version 4 UUIDs, never twice the same', () => {
      const random = make();
      const uuids = Array.from({ length: 1000 }, () => random.uuid());
      for (const uuid of uuids) expect(uuid).toMatch(UUID_V4);
      expect(new Set(uuids).size).toBe(1000);
    });

    it('secret gives URL-safe text long enough for 256 bits, never twice the same', () => {
      const random = make();
      const secrets = Array.from({ length: 1000 }, () => random.secret());
      for (const secret of secrets) expect(secret).toMatch(SECRET);
      expect(new Set(secrets).size).toBe(1000);
    });
  });
}
