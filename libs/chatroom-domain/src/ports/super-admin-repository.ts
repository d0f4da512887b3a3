import type { UserId } from '../model/user-id.js';

/** App-level super admins (the users allowed to create rooms from client SDKs). */
export interface SuperAdminRepository {
  /** Makes the user a super admin; already being one is fine. */
  add(appId: string, username: UserId): Promise<void>;
  /** Returns false when the user was not a super admin. */
  remove(appId: string, username: UserId): Promise<boolean>;
  /** Super admins in the order they were added. */
  listPage(appId: string, offset: number, limit: number): Promise<UserId[]>;
}
