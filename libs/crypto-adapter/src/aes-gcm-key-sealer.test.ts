import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { AesGcmKeySealer, newMasterKeyText, parseMasterKey } from './aes-gcm-key-sealer.js';

const key = 'k'.repeat(43);

describe('AesGcmKeySealer', () => {
  it('seals so that the key is not in the text, two seals differ, and both open to the key', async () => {
    const sealer = new AesGcmKeySealer(randomBytes(32));
    const [a, b] = [await sealer.seal(key), await sealer.seal(key)];
    expect(a).toMatch(/^sealed:v1:[A-Za-z0-9_-]+:[A-Za-z0-9_-]+:[A-Za-z0-9_-]+$/);
    expect(a).not.toContain(key);
    expect(a).not.toBe(b);
    expect(await sealer.unseal(a)).toBe(key);
    expect(await new AesGcmKeySealer(Buffer.from(sealer['key'])).unseal(b)).toBeNull(); // the derived key is not the master key
    expect(sealer.isSealed(a)).toBe(true);
    expect(sealer.isSealed(key)).toBe(false);
  });

  it('another instance with the same master key opens it; another master key does not', async () => {
    const master = randomBytes(48);
    const sealed = await new AesGcmKeySealer(master).seal(key);
    expect(await new AesGcmKeySealer(Buffer.from(master)).unseal(sealed)).toBe(key);
    expect(await new AesGcmKeySealer(randomBytes(32)).unseal(sealed)).toBeNull();
  });

  it("a webhook secret sealer and a token key sealer under one master key never open each other's seals", async () => {
    const master = randomBytes(32);
    const tokens = new AesGcmKeySealer(master);
    const webhooks = new AesGcmKeySealer(master, 'webhook secret');
    const sealedSecret = await webhooks.seal(key);
    expect(await webhooks.unseal(sealedSecret)).toBe(key);
    expect(await tokens.unseal(sealedSecret)).toBeNull();
    expect(await webhooks.unseal(await tokens.seal(key))).toBeNull();
    expect(await new AesGcmKeySealer(master, 'app token key').unseal(await tokens.seal(key))).toBe(key);
  });

  it('refuses a clear key, a changed seal and garbage', async () => {
    const sealer = new AesGcmKeySealer(randomBytes(32));
    const sealed = await sealer.seal(key);
    const parts = sealed.split(':');
    const flip = (s: string) => (s[0] === 'A' ? 'B' : 'A') + s.slice(1);
    for (const bad of [
      key,
      'sealed:v1:',
      'sealed:v1:a:b:c',
      [...parts.slice(0, 2), flip(parts[2]!), ...parts.slice(3)].join(':'),
      [...parts.slice(0, 3), flip(parts[3]!), parts[4]].join(':'),
      [...parts.slice(0, 4), flip(parts[4]!)].join(':'),
      `${sealed}:x`,
    ]) {
      expect(await sealer.unseal(bad), bad).toBeNull();
    }
  });

  it('refuses a master key shorter than 32 bytes', () => {
    expect(() => new AesGcmKeySealer(randomBytes(31))).toThrow('at least 32 bytes');
  });
});

describe('parseMasterKey', () => {
  it('reads hex, base64 and base64url of 32 bytes or more', () => {
    const bytes = randomBytes(32);
    for (const text of [
      bytes.toString('hex'),
      bytes.toString('base64'),
      bytes.toString('base64url'),
      ` ${bytes.toString('hex')}\n`,
    ]) {
      expect(parseMasterKey(text)).toEqual(bytes);
    }
    expect(parseMasterKey(newMasterKeyText())).toHaveLength(32);
  });

  it('refuses short keys and other text', () => {
    for (const text of [
      '',
      'abc',
      randomBytes(31).toString('hex'),
      randomBytes(16).toString('base64'),
      'not a key at all, but long enough to be 32 bytes',
    ]) {
      expect(parseMasterKey(text), text).toBeNull();
    }
  });
});
