import { errors } from '../../errors/error-catalogue.js';
import { roomEvents } from '../../model/room-event.js';
import type { App } from '../../model/app.js';
import type { User } from '../../model/user.js';
import { parseUserId } from '../../model/user-id.js';
import type { Dependencies } from '../dependencies.js';
import { doneOrThrow } from '../room-commands/refusal-errors.js';

/** Deletes a user: dissolves the rooms they own and removes them from every other room. */
export class DeleteUser {
  constructor(private readonly deps: Pick<Dependencies, 'uow'>) {}

  async execute(app: App, rawUsername: string): Promise<User> {
    const username = parseUserId(rawUsername);
    // Removal by user deletion reads as a kick by the app admin; an owned room is destroyed
    // as a dissolve destroys it (E2, then E12 listing the members it had, the user included).
    // The store fills in each room's id, its count after and the members a dissolved room had.
    const [left] = roomEvents.left(app, '', [username], 'KICK', undefined);
    const [gone, members] = roomEvents.dissolved(app, '', [username]);
    const outcome = await this.deps.uow.commands.deleteUser({
      appId: app.id,
      username,
      left: left!,
      dissolved: [gone!, members!],
    });
    return doneOrThrow(outcome, '', { userMissing: () => errors.userResourceNotFound() }).user;
  }
}
