import type { AppTokenClaims, TokenCheck, TokenSigner } from '../ports/token-signer.js';

/**
 * For tests only: a token is a table key; the table remembers the claims and the key it
 * was signed with. Behaves like a real signer (wrong key → malformed, late → expired).
 */
export class InMemoryTokenSigner implements TokenSigner {
  private readonly issued = new Map<string, { claims: AppTokenClaims; key: string }>();

  async sign(claims: AppTokenClaims, key: string): Promise<string> {
    const token = `mem-token-${this.issued.size + 1}`;
    this.issued.set(token, { claims, key });
    return token;
  }

  async verify(token: string, key: string, nowSeconds: number): Promise<TokenCheck> {
    const entry = this.issued.get(token);
    if (!entry || entry.key !== key) return { ok: false, reason: 'malformed' };
    if (entry.claims.expiresAt <= nowSeconds) return { ok: false, reason: 'expired' };
    return { ok: true, claims: entry.claims };
  }
}
