import type { App } from '../model/app.js';

export interface AppRepository {
  findByName(org: string, name: string): Promise<App | null>;
  /** Number of apps in the store (start-up uses it to decide on a development app). */
  count(): Promise<number>;
  /**
   * Creates the app, or replaces the credentials and settings of the app with the same
   * org and name (its id, token key and creation time are kept). Returns the stored app.
   */
  upsert(app: App): Promise<App>;
}
