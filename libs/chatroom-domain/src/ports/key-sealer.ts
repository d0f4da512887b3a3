/**
 * Keeps the apps' token keys unreadable to anyone who has only a copy of the store: keys are
 * stored sealed under a master key the store never sees. Keeps no state of its own: what one
 * instance sealed, another with the same master key opens.
 */
export interface KeySealer {
  /** The key in sealed form, safe to store; two seals of one key differ. */
  seal(key: string): Promise<string>;
  /**
   * The key, or null when `sealed` was not sealed under this master key, was changed, or is not
   * in sealed form at all (a clear key from before sealing: see `isSealed`).
   */
  unseal(sealed: string): Promise<string | null>;
  /** Whether a stored value is in sealed form (says nothing about which master key). */
  isSealed(stored: string): boolean;
}
