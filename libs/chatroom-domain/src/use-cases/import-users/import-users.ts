import type { App } from '../../model/app.js';
import type { User } from '../../model/user.js';
import { parseUserIds, type UserId } from '../../model/user-id.js';
import type { Dependencies } from '../dependencies.js';

/**
 * The stored password of a user brought in by an import: not the output of any hasher, so no
 * password verifies against it (the source never reveals passwords). The user gets a usable
 * password when one is set through the usual user API.
 */
export const NO_USABLE_PASSWORD = '!imported';

/**
 * Creates the named users that do not exist yet, with no usable password, in one unit of
 * work; existing users are left as they are. Returns the usernames created.
 */
export class ImportUsers {
  constructor(private readonly deps: Pick<Dependencies, 'uow' | 'random' | 'clock'>) {}

  async execute(app: App, rawUsernames: readonly string[]): Promise<UserId[]> {
    const usernames = [...new Set(parseUserIds(rawUsernames))];
    if (usernames.length === 0) return [];
    const now = this.deps.clock.now();
    return this.deps.uow.write(async (r) => {
      const existing = new Set(await r.users.findExisting(app.id, usernames));
      const missing: User[] = usernames
        .filter((u) => !existing.has(u))
        .map((username) => ({
          appId: app.id,
          username,
          uuid: this.deps.random.uuid(),
          passwordHash: NO_USABLE_PASSWORD,
          nickname: null,
          created: now,
          modified: now,
        }));
      return missing.length > 0 ? r.users.insertMany(missing) : [];
    });
  }
}
