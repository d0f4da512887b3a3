import type { AppTokenClaims, TokenCheck, TokenSigner } from '@chatroom/domain';
import { errors, jwtVerify, SignJWT } from 'jose';

const ALGORITHM = 'HS256';
const encoder = new TextEncoder();

/** HS256 JWTs keyed by the app's token key: `sub` = app id, `iat`, `exp` in seconds. */
export class JoseTokenSigner implements TokenSigner {
  async sign(claims: AppTokenClaims, key: string): Promise<string> {
    return new SignJWT({})
      .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT' })
      .setSubject(claims.appId)
      .setIssuedAt(claims.issuedAt)
      .setExpirationTime(claims.expiresAt)
      .sign(encoder.encode(key));
  }

  async verify(token: string, key: string, nowSeconds: number): Promise<TokenCheck> {
    try {
      // jose judges exp against real time unless told the time; the port's time is nowSeconds.
      const { payload } = await jwtVerify(token, encoder.encode(key), {
        algorithms: [ALGORITHM],
        currentDate: new Date(nowSeconds * 1000),
        requiredClaims: ['sub', 'iat', 'exp'],
      });
      const { sub, iat, exp } = payload;
      if (typeof sub !== 'string' || !Number.isInteger(iat) || !Number.isInteger(exp)) {
        return { ok: false, reason: 'malformed' };
      }
      if (exp! <= nowSeconds) return { ok: false, reason: 'expired' };
      return { ok: true, claims: { appId: sub, issuedAt: iat!, expiresAt: exp! } };
    } catch (error) {
      // jose checks the signature before the claims, so an expired token was well signed.
      if (error instanceof errors.JWTExpired) return { ok: false, reason: 'expired' };
      return { ok: false, reason: 'malformed' };
    }
  }
}
