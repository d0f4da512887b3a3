import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import type { KeySealer } from '@chatroom/domain';

const PREFIX = 'sealed:v1:';
const IV_BYTES = 12;
const TAG_BYTES = 16;
/**
 * What a sealer seals. Each purpose has a key and an AAD of its own, so that a value sealed for
 * one purpose never opens as another (a webhook secret pasted into a token key's column fails).
 * The token-key purpose keeps the derivation it always had, so stored keys still open.
 */
export type SealPurpose = 'app token key' | 'webhook secret';
const DERIVATION: Record<SealPurpose, { info: string; aad: Buffer }> = {
  'app token key': { info: 'chatroom token key sealing', aad: Buffer.from('chatroom app token key v1') },
  'webhook secret': { info: 'chatroom webhook secret sealing', aad: Buffer.from('chatroom webhook secret v1') },
};
const OPENED_CACHE_SIZE = 10_000;
/** At least 256 bits, whatever the encoding. */
export const MASTER_KEY_MIN_BYTES = 32;

/**
 * AES-256-GCM under a key derived (HKDF-SHA256) from the master key; stored as
 * `sealed:v1:<iv>:<ciphertext>:<tag>` in base64url. A wrong master key or any change to the
 * stored text fails GCM's tag check, and `unseal` answers null.
 */
export class AesGcmKeySealer implements KeySealer {
  private readonly key: Buffer;
  private readonly aad: Buffer;
  /** Opened keys by sealed text: every authenticated request opens its app's key. */
  private readonly opened = new Map<string, string>();

  constructor(masterKey: Buffer, purpose: SealPurpose = 'app token key') {
    if (masterKey.length < MASTER_KEY_MIN_BYTES) {
      throw new Error(`a master key needs at least ${MASTER_KEY_MIN_BYTES} bytes (got ${masterKey.length})`);
    }
    this.key = Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), DERIVATION[purpose].info, 32));
    this.aad = DERIVATION[purpose].aad;
  }

  async seal(key: string): Promise<string> {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv).setAAD(this.aad);
    const sealed = Buffer.concat([cipher.update(key, 'utf8'), cipher.final()]);
    return PREFIX + [iv, sealed, cipher.getAuthTag()].map((b) => b.toString('base64url')).join(':');
  }

  async unseal(sealed: string): Promise<string | null> {
    const known = this.opened.get(sealed);
    if (known !== undefined) return known;
    const key = this.open(sealed);
    if (key === null) return null;
    if (this.opened.size >= OPENED_CACHE_SIZE) this.opened.delete(this.opened.keys().next().value!);
    this.opened.set(sealed, key);
    return key;
  }

  isSealed(stored: string): boolean {
    return stored.startsWith(PREFIX);
  }

  private open(sealed: string): string | null {
    if (!this.isSealed(sealed)) return null;
    const parts = sealed
      .slice(PREFIX.length)
      .split(':')
      .map((p) => Buffer.from(p, 'base64url'));
    if (parts.length !== 3) return null;
    const [iv, data, tag] = parts as [Buffer, Buffer, Buffer];
    if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) return null;
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, iv).setAAD(this.aad).setAuthTag(tag);
      return Buffer.concat([decipher.update(data), decipher.final()]).toString('utf8');
    } catch {
      return null; // the tag does not check out: another master key, or the text was changed
    }
  }
}

/**
 * A master key from its text form: hex (64 or more hex digits) or base64/base64url of at least
 * 32 bytes. Null when it is neither, or too short.
 */
export function parseMasterKey(text: string): Buffer | null {
  const value = text.trim();
  let bytes: Buffer | null = null;
  // Node's base64 decoder takes both alphabets (+/ and -_).
  if (/^([0-9a-fA-F]{2})+$/.test(value)) bytes = Buffer.from(value, 'hex');
  else if (/^[A-Za-z0-9+/_-]+={0,2}$/.test(value)) bytes = Buffer.from(value, 'base64');
  return bytes && bytes.length >= MASTER_KEY_MIN_BYTES ? bytes : null;
}

/** A new master key as text (hex), as `openssl rand -hex 32` makes one. */
export function newMasterKeyText(): string {
  return randomBytes(MASTER_KEY_MIN_BYTES).toString('hex');
}
