import type { KeySealer } from '../ports/key-sealer.js';

const PREFIX = 'sealed-mem:';

/**
 * For tests only: "seals" by tagging the key with the master key's name, in clear. Two sealers
 * with different names refuse each other's seals, as two real master keys would.
 */
export class InMemoryKeySealer implements KeySealer {
  private nonce = 0;

  constructor(private readonly masterKeyName = 'master') {}

  async seal(key: string): Promise<string> {
    return `${PREFIX}${this.masterKeyName}:${++this.nonce}:${key}`;
  }

  async unseal(sealed: string): Promise<string | null> {
    if (!this.isSealed(sealed)) return null;
    const [name, , ...key] = sealed.slice(PREFIX.length).split(':');
    return name === this.masterKeyName ? key.join(':') : null;
  }

  isSealed(stored: string): boolean {
    return stored.startsWith(PREFIX);
  }
}
