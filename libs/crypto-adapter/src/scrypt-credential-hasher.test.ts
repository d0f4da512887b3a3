import { describe, expect, it } from 'vitest';
import { APP_SECRET_SCRYPT_PARAMETERS, DEFAULT_SCRYPT_PARAMETERS, ScryptCredentialHasher } from './scrypt-credential-hasher.js';

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
    for (const params of ['1073741824$8$1', '2097152$8$1', '4096$999$1', '4095$8$1', '1$8$1', '4096$0$1', '4096$8$0']) {
      expect(await hasher.verify('secret', `scrypt$${params}$${salt}$${key}`)).toBe(false);
    }
  });
});
