import { errors } from '../../errors/error-catalogue.js';
import type { App } from '../../model/app.js';
import type { User } from '../../model/user.js';
import { parseUserId } from '../../model/user-id.js';
import type { Dependencies } from '../dependencies.js';

/** Deletes a user: dissolves the rooms they own and removes them from every other room. */
export class DeleteUser {
  constructor(private readonly deps: Pick<Dependencies, 'uow'>) {}

  async execute(app: App, rawUsername: string): Promise<User> {
    const username = parseUserId(rawUsername);
    return this.deps.uow.write(async (r) => {
      const user = await r.users.findByUsername(app.id, username);
      if (!user) throw errors.userResourceNotFound();
      // Leaving first: a room transferred to the user meanwhile keeps their owner membership
      // (removeEverywhere skips it), and the later deleteOwnedBy sees and dissolves that room.
      await r.memberships.removeEverywhere(app.id, username);
      await r.chatrooms.deleteOwnedBy(app.id, username);
      await r.users.delete(app.id, username);
      return user;
    });
  }
}
