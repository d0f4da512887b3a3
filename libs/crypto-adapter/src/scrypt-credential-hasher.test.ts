import { randomBytes, scryptSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  APP_SECRET_SCRYPT_PARAMETERS,
  DEFAULT_SCRYPT_PARAMETERS,
  MAX_SCRYPT_MEMORY_BYTES,
  ScryptCredentialHasher,
} from './scrypt-credential-hasher.js';

/** A well-formed hash of `secret` with any parameters, made outside the class (as a forger would). */
function storedHash(secret: string, N: number, r: number, p: number): string {
  const salt = randomBytes(16);
  const key = scryptSync(secret, salt, 32, { N, r, p, maxmem: 256 * N * r + 1024 * 1024 });
  return `scrypt$${N}$${r}$${p}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

describe('ScryptCredentialHasher', () => {
  it('writes scrypt$N$r$p$salt$hash with a 16-byte salt and a 32-byte hash', async () => {
    const hash = await new ScryptCredentialHasher().hash('secret');
    const [tag, N, r, p, salt, key] = hash.split('$');
    expect([tag, Number(N), Number(r), Number(p)]).toEqual([
      'scrypt',
      DEFAULT_SCRYPT_PARAMETERS.N,
      DEFAULT_SCRYPT_PARAMETERS.r,
      DEFAULT_SCRYPT_PARAMETERS.p,
    ]);
    expect(Buffer.from(salt!, 'base64url')).toHaveLength(16);
    expect(Buffer.from(key!, 'base64url')).toHaveLength(32);
  });

  it('app secrets: N = 2^15 at least, and a 2^12 hash from before still verifies', async () => {
    expect(APP_SECRET_SCRYPT_PARAMETERS.N).toBeGreaterThanOrEqual(2 ** 15);
    const old = await new ScryptCredentialHasher().hash('secret');
    const hasher = new ScryptCredentialHasher(APP_SECRET_SCRYPT_PARAMETERS);
    expect(await hasher.verify('secret', old)).toBe(true);
    expect((await hasher.hash('secret')).startsWith(`scrypt$${APP_SECRET_SCRYPT_PARAMETERS.N}$8$1$`)).toBe(true);
  });

  it('verifies hashes made with other parameters: the stored hash says which', async () => {
    const hash = await new ScryptCredentialHasher({ N: 2 ** 10, r: 4, p: 2 }).hash('secret');
    expect(hash.startsWith('scrypt$1024$4$2$')).toBe(true);
    expect(await new ScryptCredentialHasher().verify('secret', hash)).toBe(true);
  });

  it('refuses stored parameters that would exhaust memory or that scrypt rejects', async () => {
    const hasher = new ScryptCredentialHasher();
    const [, , , , salt, key] = (await hasher.hash('secret')).split('$');
    // 1048576$32$1 asks for 4 GiB per verification.
    for (const params of [
      '1048576$32$1',
      '1073741824$8$1',
      '2097152$8$1',
      '4096$999$1',
      '4095$8$1',
      '1$8$1',
      '4096$0$1',
      '4096$8$0',
    ]) {
      expect(await hasher.verify('secret', `scrypt$${params}$${salt}$${key}`)).toBe(false);
    }
  });

  it('a correct stored hash asking for more than the memory bound (128 MiB: N = 2^17, r = 8) is refused, not run', async () => {
    expect(128 * 2 ** 17 * 8).toBeGreaterThan(MAX_SCRYPT_MEMORY_BYTES);
    const heavy = storedHash('secret', 2 ** 17, 8, 1);
    expect(await new ScryptCredentialHasher().verify('secret', heavy)).toBe(false);
    // Within the bound, the same kind of hash verifies (2^16: 64 MiB).
    expect(await new ScryptCredentialHasher().verify('secret', storedHash('secret', 2 ** 16, 8, 1))).toBe(true);
  });

  it('refuses to be made with parameters over the bound', () => {
    expect(() => new ScryptCredentialHasher({ N: 2 ** 17, r: 8, p: 1 })).toThrow(/exceed/);
    expect(() => new ScryptCredentialHasher({ N: 2 ** 15, r: 8, p: 8 })).toThrow(/exceed/);
  });
});
