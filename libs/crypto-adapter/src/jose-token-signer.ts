import type { AppTokenClaims, TokenCheck, TokenSigner } from '@chatroom/domain';
import { errors, jwtVerify, SignJWT } from 'jose';

const ALGORITHM = 'HS256';
const encoder = new TextEncoder();

/** Signature checks remembered; clients resend one token for hours, so almost every check hits. */
const VERIFIED_CACHE_SIZE = 10_000;

/** HS256 JWTs keyed by the app's token key: `sub` = app id, `iat`, `exp` in seconds. */
export class JoseTokenSigner implements TokenSigner {
  /**
   * Claims of tokens whose signature checked out, by key and token. A signature never stops
   * being valid for its key, so only the expiry is judged again on a hit. jose's check costs
   * ≈ 0.1 ms of CPU (WebCrypto), a noticeable share of a request that reads one room.
   */
  private readonly verified = new Map<string, AppTokenClaims>();

  constructor(private readonly cacheSize = VERIFIED_CACHE_SIZE) {}

  async sign(claims: AppTokenClaims, key: string): Promise<string> {
    return new SignJWT({})
      .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT' })
      .setSubject(claims.appId)
      .setIssuedAt(claims.issuedAt)
      .setExpirationTime(claims.expiresAt)
      .sign(encoder.encode(key));
  }

  async verify(token: string, key: string, nowSeconds: number): Promise<TokenCheck> {
    const cacheKey = `${key}\n${token}`;
    const known = this.verified.get(cacheKey);
    if (known) {
      return known.expiresAt <= nowSeconds ? { ok: false, reason: 'expired' } : { ok: true, claims: known };
    }
    const check = await this.check(token, key, nowSeconds);
    if (check.ok) this.remember(cacheKey, check.claims);
    return check;
  }

  private remember(cacheKey: string, claims: AppTokenClaims): void {
    // Oldest first: a Map iterates in insertion order.
    if (this.verified.size >= this.cacheSize) this.verified.delete(this.verified.keys().next().value!);
    this.verified.set(cacheKey, claims);
  }

  private async check(token: string, key: string, nowSeconds: number): Promise<TokenCheck> {
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
