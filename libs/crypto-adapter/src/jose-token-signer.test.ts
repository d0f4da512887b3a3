import { decodeJwt, decodeProtectedHeader, SignJWT, UnsecuredJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { JoseTokenSigner } from './jose-token-signer.js';

const key = 'k'.repeat(43);
const claims = { appId: '4f1c2d3e-0000-4000-8000-000000000001', issuedAt: 1_000_000_000, expiresAt: 1_000_003_600 };
const secret = new TextEncoder().encode(key);

describe('JoseTokenSigner', () => {
  it('issues an HS256 JWT with sub = app id, iat and exp in seconds', async () => {
    const token = await new JoseTokenSigner().sign(claims, key);
    expect(decodeProtectedHeader(token)).toEqual({ alg: 'HS256', typ: 'JWT' });
    expect(decodeJwt(token)).toEqual({ sub: claims.appId, iat: claims.issuedAt, exp: claims.expiresAt });
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
    const noExp = await new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setSubject(claims.appId).setIssuedAt(claims.issuedAt).sign(secret);
    const noSub = await new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setIssuedAt(claims.issuedAt).setExpirationTime(claims.expiresAt).sign(secret);
    for (const token of [noExp, noSub]) {
      expect(await signer.verify(token, key, claims.issuedAt)).toEqual({ ok: false, reason: 'malformed' });
    }
  });
});
