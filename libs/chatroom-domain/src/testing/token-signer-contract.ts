import { describe, expect, it } from 'vitest';
import type { AppTokenClaims, TokenSigner } from '../ports/token-signer.js';
import { randomUuid, uniqueSuffix } from './store-fixtures.js';

/** Seconds since the epoch of 2001-09-09, far from the real clock on purpose. */
const PAST = 1_000_000_000;

function claims(issuedAt = PAST, ttl = 3600, generation = 3): AppTokenClaims {
  return { appId: randomUuid(), generation, issuedAt, expiresAt: issuedAt + ttl };
}

/** Changes one character in the middle of the token. */
function tamper(token: string): string {
  const i = Math.floor(token.length / 2);
  return `${token.slice(0, i)}${token[i] === 'A' ? 'B' : 'A'}${token.slice(i + 1)}`;
}

/** `TokenSigner`: tokens that carry the claims, checked against a key and a given time. */
export function describeTokenSignerContract(name: string, make: () => TokenSigner): void {
  describe(`${name}: TokenSigner contract`, () => {
    const key = () => `key-${uniqueSuffix()}-${'k'.repeat(40)}`;

    it('a token verifies with its key before it expires, giving back the claims', async () => {
      const signer = make();
      const k = key();
      const c = claims();
      const token = await signer.sign(c, k);
      expect(await signer.verify(token, k, c.issuedAt)).toEqual({ ok: true, claims: c });
      expect(await signer.verify(token, k, c.expiresAt - 1)).toEqual({ ok: true, claims: c });
    });

    it('the key generation travels in the token, 0 included', async () => {
      const signer = make();
      const k = key();
      for (const generation of [0, 1, 41]) {
        const c = claims(PAST, 3600, generation);
        expect(await signer.verify(await signer.sign(c, k), k, PAST)).toEqual({ ok: true, claims: c });
      }
    });

    it('a token is text that fits an Authorization: Bearer header', async () => {
      const token = await make().sign(claims(), key());
      expect(token).toMatch(/^[A-Za-z0-9._~+/-]+=*$/);
    });

    it('expiry is judged by the given time, not the real clock', async () => {
      const signer = make();
      const k = key();
      const old = claims(PAST);
      expect(await signer.verify(await signer.sign(old, k), k, PAST + 10)).toEqual({ ok: true, claims: old });
      const realNow = Math.floor(Date.now() / 1000);
      const current = claims(realNow, 3600);
      expect(await signer.verify(await signer.sign(current, k), k, realNow + 7200)).toEqual({
        ok: false,
        reason: 'expired',
      });
    });

    it('expired at expiresAt exactly and after it', async () => {
      const signer = make();
      const k = key();
      const c = claims();
      const token = await signer.sign(c, k);
      expect(await signer.verify(token, k, c.expiresAt)).toEqual({ ok: false, reason: 'expired' });
      expect(await signer.verify(token, k, c.expiresAt + 86_400)).toEqual({ ok: false, reason: 'expired' });
    });

    it('malformed under another key, even when the token has expired too', async () => {
      const signer = make();
      const k = key();
      const c = claims();
      const token = await signer.sign(c, k);
      expect(await signer.verify(token, `${k}x`, c.issuedAt)).toEqual({ ok: false, reason: 'malformed' });
      expect(await signer.verify(token, k.slice(0, -1), c.issuedAt)).toEqual({ ok: false, reason: 'malformed' });
      expect(await signer.verify(token, key(), c.expiresAt + 1)).toEqual({ ok: false, reason: 'malformed' });
    });

    it('malformed when tampered with or not a token at all', async () => {
      const signer = make();
      const k = key();
      const c = claims();
      const token = await signer.sign(c, k);
      for (const bad of [tamper(token), `${token}A`, token.slice(0, -1), '', 'garbage', 'a.b.c', '...']) {
        expect(await signer.verify(bad, k, c.issuedAt)).toEqual({ ok: false, reason: 'malformed' });
      }
    });

    it('tokens of different claims differ, and each verifies to its own claims', async () => {
      const signer = make();
      const k = key();
      const [a, b] = [claims(), claims()];
      const [ta, tb] = [await signer.sign(a, k), await signer.sign(b, k)];
      expect(ta).not.toBe(tb);
      expect(await signer.verify(tb, k, PAST)).toEqual({ ok: true, claims: b });
      expect(await signer.verify(ta, k, PAST)).toEqual({ ok: true, claims: a });
    });

    it('a token signed by one instance verifies on another with the same key (nothing kept in memory)', async () => {
      const k = key();
      const c = claims();
      const token = await make().sign(c, k);
      expect(await make().verify(token, k, c.issuedAt)).toEqual({ ok: true, claims: c });
    });
  });
}
