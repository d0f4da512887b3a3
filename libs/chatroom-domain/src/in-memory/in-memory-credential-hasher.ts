import type { CredentialHasher } from '../ports/credential-hasher.js';

const FORMAT = /^plain\$\d+\$/;

/**
 * For tests only: "hashes" by tagging the secret with a counter as salt, so domain tests stay
 * fast and pure while two hashes of one secret still differ, as with a real salted hash.
 * Never use it in a running service; the crypto adapter has the real one.
 */
export class InMemoryCredentialHasher implements CredentialHasher {
  private salt = 0;

  async hash(secret: string): Promise<string> {
    return `plain$${++this.salt}$${secret}`;
  }

  async verify(secret: string, hash: string): Promise<boolean> {
    const tag = FORMAT.exec(hash);
    return tag !== null && hash.slice(tag[0].length) === secret;
  }
}
