import { decodeJwt, decodeProtectedHeader, SignJWT, UnsecuredJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { JoseTokenSigner } from './jose-token-signer.js';

const key = 'k'.repeat(43);
const claims = {
  appId: '4f1c2d3e-0000-4000-8000-000000000001',
  generation: 2,
  issuedAt: 1_000_000_000,
  expiresAt: 1_000_003_600,
};
const secret = new TextEncoder().encode(key);

describe('JoseTokenSigner', () => {
  it('issues an HS256 JWT with sub = app id, gen = key generation, iat and exp in seconds', async () => {
    const token = await new JoseTokenSigner().sign(claims, key);
    expect(decodeProtectedHeader(token)).toEqual({ alg: 'HS256', typ: 'JWT' });
    expect(decodeJwt(token)).toEqual({ sub: claims.appId, gen: 2, iat: claims.issuedAt, exp: claims.expiresAt });
  });

  it('reads a token issued before generations (no gen claim) as generation 0', async () => {
    const old = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(claims.appId)
      .setIssuedAt(claims.issuedAt)
      .setExpirationTime(claims.expiresAt)
      .sign(secret);
    expect(await new JoseTokenSigner().verify(old, key, claims.issuedAt)).toEqual({
      ok: true,
      claims: { ...claims, generation: 0 },
    });
  });

  it('refuses a well-signed gen that is not a non-negative integer as malformed', async () => {
    for (const gen of [-1, 1.5, '1']) {
      const token = await new SignJWT({ gen })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(claims.appId)
        .setIssuedAt(claims.issuedAt)
        .setExpirationTime(claims.expiresAt)
        .sign(secret);
      expect(await new JoseTokenSigner().verify(token, key, claims.issuedAt)).toEqual({
        ok: false,
        reason: 'malformed',
      });
    }
  });

  it('refuses an unsigned token and one signed with another algorithm as malformed', async () => {
    const signer = new JoseTokenSigner();
    const unsecured = new UnsecuredJWT({ sub: claims.appId, iat: claims.issuedAt, exp: claims.expiresAt }).encode();
    const hs512 = await new SignJWT({ sub: claims.appId, iat: claims.issuedAt, exp: claims.expiresAt })
      .setProtectedHeader({ alg: 'HS512' })
      .sign(secret);
    for (const token of [unsecured, hs512]) {
      expect(await signer.verify(token, key, claims.issuedAt)).toEqual({ ok: false, reason: 'malformed' });
    }
  });

  it('refuses a well-signed JWT that lacks one of the claims as malformed', async () => {
    const signer = new JoseTokenSigner();
    const noExp = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(claims.appId)
      .setIssuedAt(claims.issuedAt)
      .sign(secret);
    const noSub = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuedAt(claims.issuedAt)
      .setExpirationTime(claims.expiresAt)
      .sign(secret);
    for (const token of [noExp, noSub]) {
      expect(await signer.verify(token, key, claims.issuedAt)).toEqual({ ok: false, reason: 'malformed' });
    }
  });

  describe('remembering checked signatures', () => {
    it('still judges the expiry of a token it has checked before', async () => {
      const signer = new JoseTokenSigner();
      const token = await signer.sign(claims, key);
      expect(await signer.verify(token, key, claims.issuedAt)).toEqual({ ok: true, claims });
      expect(await signer.verify(token, key, claims.expiresAt - 1)).toEqual({ ok: true, claims });
      expect(await signer.verify(token, key, claims.expiresAt)).toEqual({ ok: false, reason: 'expired' });
    });

    it('does not accept a checked token under another key', async () => {
      const signer = new JoseTokenSigner();
      const token = await signer.sign(claims, key);
      await signer.verify(token, key, claims.issuedAt);
      expect(await signer.verify(token, 'x'.repeat(43), claims.issuedAt)).toEqual({ ok: false, reason: 'malformed' });
    });

    it('keeps answering right once the cache is full and evicts', async () => {
      const signer = new JoseTokenSigner(1);
      const tokens = await Promise.all(['a', 'b', 'c'].map((appId) => signer.sign({ ...claims, appId }, key)));
      for (const round of [1, 2]) {
        for (const [i, token] of tokens.entries()) {
          const check = await signer.verify(token, key, claims.issuedAt);
          expect(check, `round ${round}, token ${i}`).toEqual({ ok: true, claims: { ...claims, appId: 'abc'[i] } });
        }
      }
      const forged = tokens[0]!.slice(0, -2) + (tokens[0]!.endsWith('A') ? 'BB' : 'AA');
      expect(await signer.verify(forged, key, claims.issuedAt)).toEqual({ ok: false, reason: 'malformed' });
    });
  });
});
