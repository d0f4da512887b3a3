import { errors } from '../../errors/error-catalogue.js';
import { roomEvents } from '../../model/room-event.js';
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
      const left = await r.memberships.removeEverywhere(app.id, username);
      const dissolved = await r.chatrooms.deleteOwnedBy(app.id, username);
      // Removal by user deletion reads as a kick by the app admin; an owned room is destroyed
      // as a dissolve destroys it (E2, then E12 listing the members it had, the user included).
      for (const { roomId, memberCount } of left) {
        r.events.append(...roomEvents.left(app, roomId, [username], 'KICK', memberCount));
      }
      for (const { id, members } of dissolved) r.events.append(...roomEvents.dissolved(app, id, members));
      await r.users.delete(app.id, username);
      return user;
    });
  }
}
