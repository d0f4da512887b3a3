import type { UserId } from './user-id.js';

export interface User {
  readonly appId: string;
  readonly username: UserId;
  /** UUID, shown as `uuid` in user entities. */
  readonly uuid: string;
  readonly passwordHash: string;
  readonly nickname: string | null;
  readonly created: number;
  readonly modified: number;
}

export const PASSWORD_MAX_LENGTH = 64;
export const NICKNAME_MAX_LENGTH = 100;
export const REGISTER_BATCH_MAX = 60;
