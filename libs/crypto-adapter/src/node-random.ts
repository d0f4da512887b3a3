import { randomBytes, randomUUID } from 'node:crypto';
import type { Random } from '@chatroom/domain';

/** Cryptographically strong randomness from node:crypto. */
export class NodeRandom implements Random {
  uuid(): string {
    return randomUUID();
  }

  /** 256 bits, base64url (43 characters). */
  secret(): string {
    return randomBytes(32).toString('base64url');
  }
}
