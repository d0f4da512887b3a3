export interface AppTokenClaims {
  readonly appId: string;
  /** The app's `keyGeneration` when the token was issued; tokens from before generations carry 0. */
  readonly generation: number;
  /** Seconds since the epoch. */
  readonly issuedAt: number;
  /** Seconds since the epoch. */
  readonly expiresAt: number;
}

export type TokenCheck =
  | { readonly ok: true; readonly claims: AppTokenClaims }
  | { readonly ok: false; readonly reason: 'malformed' | 'expired' };

/**
 * Keeps no state of its own: any instance verifies what another signed with the same key,
 * so server instances sharing a store (and so the app's token key) accept each other's tokens.
 */
export interface TokenSigner {
  /** A token carrying the claims, signed with `key`. */
  sign(claims: AppTokenClaims, key: string): Promise<string>;
  /**
   * `malformed` for anything not signed with `key` (wrong key, tampering, garbage);
   * `expired` for a well-signed token whose `expiresAt` is at or before `nowSeconds`.
   */
  verify(token: string, key: string, nowSeconds: number): Promise<TokenCheck>;
}
