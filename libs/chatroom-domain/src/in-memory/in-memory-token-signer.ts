import type { AppTokenClaims, TokenCheck, TokenSigner } from '../ports/token-signer.js';

const FORMAT = /^mem\.([^.]+)\.(\d+)\.(\d+)\.(\d+)\.([0-9a-f]{16})$/;

/**
 * For tests only: the claims in clear plus a checksum keyed by `key` (FNV-1a, not a secure
 * MAC). Stateless like a real signer, so any instance accepts another's tokens; wrong key or
 * any change → malformed, late → expired.
 */
export class InMemoryTokenSigner implements TokenSigner {
  async sign(claims: AppTokenClaims, key: string): Promise<string> {
    const body = `${claims.appId}.${claims.generation}.${claims.issuedAt}.${claims.expiresAt}`;
    return `mem.${body}.${checksum(key, body)}`;
  }

  async verify(token: string, key: string, nowSeconds: number): Promise<TokenCheck> {
    const match = FORMAT.exec(token);
    if (!match) return { ok: false, reason: 'malformed' };
    const [, appId, generation, issuedAt, expiresAt, sum] = match as unknown as string[] as [
      string,
      string,
      string,
      string,
      string,
      string,
    ];
    if (checksum(key, `${appId}.${generation}.${issuedAt}.${expiresAt}`) !== sum)
      return { ok: false, reason: 'malformed' };
    const claims = { appId, generation: Number(generation), issuedAt: Number(issuedAt), expiresAt: Number(expiresAt) };
    if (claims.expiresAt <= nowSeconds) return { ok: false, reason: 'expired' };
    return { ok: true, claims };
  }
}

/** Two 32-bit FNV-1a hashes with different offsets: 64 bits, enough to make forgery by accident impossible. */
function checksum(key: string, body: string): string {
  const text = `${key}\u0000${body}`;
  return [0x811c9dc5, 0x050c5d1f].map((offset) => fnv1a(text, offset).toString(16).padStart(8, '0')).join('');
}

function fnv1a(text: string, offset: number): number {
  let h = offset;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}
