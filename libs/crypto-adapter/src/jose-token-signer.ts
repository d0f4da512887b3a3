import type { AppTokenClaims, TokenCheck, TokenSigner } from '@chatroom/domain';
import { errors, jwtVerify, SignJWT } from 'jose';

const ALGORITHM = 'HS256';
const encoder = new TextEncoder();

/** Signature checks remembered; clients resend one token for hours, so almost every check hits. */
const VERIFIED_CACHE_SIZE = 10_000;

/**
 * HS256 JWTs keyed by the app's token key: `sub` = app id, `gen` = the app's key generation,
 * `iat`, `exp` in seconds. Tokens issued before generations existed have no `gen`: they count
 * as generation 0, so they stay valid until the app's first rotation or revocation.
 */
export class JoseTokenSigner implements TokenSigner {
  /**
   * Claims of tokens whose signature checked out, by key and token. A signature never stops
   * being valid for its key, so only the expiry is judged again on a hit. Revocation needs no
   * eviction: rotating or revoking replaces the app's key, so a revoked token misses here and
   * fails its signature check as soon as the caller passes the new key (the app cache's lifetime). jose's check costs
   * ≈ 0.1 ms of CPU (WebCrypto), a noticeable share of a request that reads one room.
   */
  private readonly verified = new Map<string, AppTokenClaims>();

  constructor(private readonly cacheSize = VERIFIED_CACHE_SIZE) {}

  async sign(claims: AppTokenClaims, key: string): Promise<string> {
    return new SignJWT({ gen: claims.generation })
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
      const gen = payload['gen'] ?? 0;
      if (typeof sub !== 'string' || !Number.isInteger(iat) || !Number.isInteger(exp)) {
        return { ok: false, reason: 'malformed' };
      }
      if (typeof gen !== 'number' || !Number.isSafeInteger(gen) || gen < 0) return { ok: false, reason: 'malformed' };
      if (exp! <= nowSeconds) return { ok: false, reason: 'expired' };
      return { ok: true, claims: { appId: sub, generation: gen, issuedAt: iat!, expiresAt: exp! } };
    } catch (error) {
      // jose checks the signature before the claims, so an expired token was well signed.
      if (error instanceof errors.JWTExpired) return { ok: false, reason: 'expired' };
      return { ok: false, reason: 'malformed' };
    }
  }
}
