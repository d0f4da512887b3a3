import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import type { CredentialHasher } from '@chatroom/domain';

export interface ScryptParameters {
  /** CPU/memory cost, a power of two. */
  readonly N: number;
  readonly r: number;
  readonly p: number;
}

/**
 * N = 2^12, r = 8 (4 MiB, ≈10 ms a hash here): a batch registration of 60 users hashes 60
 * passwords in one request, which must stay well under a second on 2 cores.
 */
export const DEFAULT_SCRYPT_PARAMETERS: ScryptParameters = { N: 2 ** 12, r: 8, p: 1 };

/**
 * App client secrets: one hash per token request, so a higher cost is affordable. N = 2^15
 * (32 MiB, ≈ 60–80 ms here; see the README for /token latency at 2^15, 2^16 and 2^17): 2^17
 * (OWASP's figure) needs 128 MiB per hash in flight, which four concurrent token requests turn
 * into half a gigabyte. Hashes are self-describing, so older ones (2^12) still verify.
 */
export const APP_SECRET_SCRYPT_PARAMETERS: ScryptParameters = { N: 2 ** 15, r: 8, p: 1 };

const SALT_BYTES = 16;
const KEY_BYTES = 32;
/**
 * Bounds on parameters, for hashes made and read back alike, so that a stored hash (forged, or
 * copied from elsewhere) cannot make one verification take more than 64 MiB (scrypt's 128·N·r
 * bytes; twice what app secrets use) or more than twice that in work (128·N·r·p).
 */
export const MAX_SCRYPT_MEMORY_BYTES = 64 * 1024 * 1024;
const MAX_SCRYPT_WORK = 2 * MAX_SCRYPT_MEMORY_BYTES;
const MAX_R = 32;
const MAX_P = 16;
/** What scrypt may allocate beyond its 128·N·r bytes (Node's own accounting adds a little). */
const MAXMEM_MARGIN_BYTES = 1024 * 1024;
const FORMAT = /^scrypt\$(\d{1,8})\$(\d{1,3})\$(\d{1,3})\$([A-Za-z0-9_-]{16,})\$([A-Za-z0-9_-]{16,})$/;

/** Salted scrypt hashes, stored as `scrypt$N$r$p$salt$hash` (salt and hash in base64url). */
export class ScryptCredentialHasher implements CredentialHasher {
  constructor(private readonly params: ScryptParameters = DEFAULT_SCRYPT_PARAMETERS) {
    if (!withinBounds(params)) {
      throw new Error(
        `scrypt parameters N=${params.N} r=${params.r} p=${params.p} exceed ${MAX_SCRYPT_MEMORY_BYTES} bytes per hash`,
      );
    }
  }

  async hash(secret: string): Promise<string> {
    const { N, r, p } = this.params;
    const salt = randomBytes(SALT_BYTES);
    const key = await derive(secret, salt, KEY_BYTES, this.params);
    return `scrypt$${N}$${r}$${p}$${salt.toString('base64url')}$${key.toString('base64url')}`;
  }

  async verify(secret: string, hash: string): Promise<boolean> {
    const parsed = parse(hash);
    if (!parsed) return false;
    try {
      const key = await derive(secret, parsed.salt, KEY_BYTES, parsed.params);
      return timingSafeEqual(key, parsed.key);
    } catch {
      return false; // parameters scrypt refuses: not a hash we made
    }
  }
}

function parse(hash: string): { params: ScryptParameters; salt: Buffer; key: Buffer } | null {
  const match = FORMAT.exec(hash);
  if (!match) return null;
  const [N, r, p] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (!withinBounds({ N, r, p })) return null;
  const salt = Buffer.from(match[4]!, 'base64url');
  const key = Buffer.from(match[5]!, 'base64url');
  // Canonical base64url only, and the full key length: scrypt's shorter outputs are prefixes
  // of its longer ones, so a truncated hash would otherwise still verify.
  if (salt.toString('base64url') !== match[4] || key.toString('base64url') !== match[5]) return null;
  if (salt.length < SALT_BYTES || key.length !== KEY_BYTES) return null;
  return { params: { N, r, p }, salt, key };
}

function withinBounds({ N, r, p }: ScryptParameters): boolean {
  const powerOfTwo = Number.isSafeInteger(N) && N > 1 && (N & (N - 1)) === 0;
  if (!powerOfTwo || !Number.isInteger(r) || !Number.isInteger(p) || r < 1 || r > MAX_R || p < 1 || p > MAX_P)
    return false;
  return 128 * N * r <= MAX_SCRYPT_MEMORY_BYTES && 128 * N * r * p <= MAX_SCRYPT_WORK;
}

function derive(secret: string, salt: Buffer, length: number, { N, r, p }: ScryptParameters): Promise<Buffer> {
  // Capped whatever the parameters: scrypt refuses to allocate more rather than trying.
  const options: ScryptOptions = { N, r, p, maxmem: MAX_SCRYPT_MEMORY_BYTES + MAXMEM_MARGIN_BYTES };
  return new Promise((resolve, reject) =>
    scrypt(secret, salt, length, options, (error, key) => (error ? reject(error) : resolve(key))),
  );
}
