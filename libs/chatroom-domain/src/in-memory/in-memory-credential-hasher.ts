import type { CredentialHasher } from '../ports/credential-hasher.js';

/**
 * For tests only: "hashes" by tagging the secret, so domain tests stay fast and pure.
 * Never use it in a running service; the crypto adapter has the real one.
 */
export class InMemoryCredentialHasher implements CredentialHasher {
  async hash(secret: string): Promise<string> {
    return `plain$${secret}`;
  }

  async verify(secret: string, hash: string): Promise<boolean> {
    return hash === `plain$${secret}`;
  }
}
