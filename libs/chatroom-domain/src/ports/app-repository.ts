import type { App } from '../model/app.js';

/** What an app holds, for the operator: never its secrets. */
export interface AppUsage {
  readonly rooms: number;
  readonly users: number;
}

export interface AppRepository {
  findByName(org: string, name: string): Promise<App | null>;
  /**
   * As `findByName`, and the app's row stays locked until the unit of work ends, so two
   * operator commands on one app (two rotations, say) apply one after the other.
   */
  findByNameForUpdate(org: string, name: string): Promise<App | null>;
  /** Number of apps in the store (start-up uses it to decide on a development app). */
  count(): Promise<number>;
  /** Every app, by org then name. */
  list(): Promise<App[]>;
  /** Rooms and users of the app (zero for an unknown id). */
  usage(appId: string): Promise<AppUsage>;
  /**
   * Creates the app, or replaces the credentials and settings of the app with the same
   * org and name (its id, token key, key generation and creation time are kept). Returns the
   * stored app.
   */
  upsert(app: App): Promise<App>;
  /** Creates the app; false, and nothing changed, when its org/name is taken. */
  insert(app: App): Promise<boolean>;
  /**
   * Replaces the client id, secret hash, token key, key generation and settings of the app with
   * `app.id` (org, name and creation time never change). False when no such app exists.
   */
  update(app: App): Promise<boolean>;
  /** Removes the app and everything of it (users, rooms, memberships, lists, …). False when unknown. */
  delete(appId: string): Promise<boolean>;
}
