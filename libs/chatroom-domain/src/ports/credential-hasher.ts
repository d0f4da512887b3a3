/** Keeps no state of its own: a hash made by one instance verifies on any other. */
export interface CredentialHasher {
  /** A salted, slow hash of the secret, self-describing enough for `verify`. */
  hash(secret: string): Promise<string>;
  /** Whether the secret matches the hash, compared in constant time. */
  verify(secret: string, hash: string): Promise<boolean>;
}
