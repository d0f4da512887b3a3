import { errors } from '../../errors/error-catalogue.js';
import { roomEvents } from '../../model/room-event.js';
import type { App } from '../../model/app.js';
import { assertBatch } from '../../model/room-moderation.js';
import { parseUserIds, type UserId } from '../../model/user-id.js';
import type { Dependencies } from '../dependencies.js';
import { joinOrThrow, requireRoom, requireUsers } from '../room-guards.js';

/** Rounds of adding a user who left between two looks; a third concurrent removal is unheard of. */
const MAX_ATTEMPTS = 3;

/**
 * `POST /chatrooms/{id}/users[/{username}]`: all or nothing. Users already in the room count
 * as added. Returns every requested user (all are members afterwards).
 */
export class AddMembers {
  constructor(private readonly deps: Pick<Dependencies, 'uow'>) {}

  async execute(app: App, roomId: string, rawUsernames: readonly string[]): Promise<UserId[]> {
    assertBatch('addMembers', rawUsernames);
    return this.addAll(app, roomId, parseUserIds(rawUsernames));
  }

  /**
   * The unit of work of `execute` for users already parsed, with no limit on their number (the
   * coalescing decorator adds several requests' users at once): all of them or none.
   */
  addAll(app: App, roomId: string, usernames: readonly UserId[]): Promise<UserId[]> {
    return this.deps.uow.write(async (r) => {
      // No look at the room first: `add` adds nobody to a room that does not exist, and the loop
      // below then answers 404 — one round trip less on every addition. An unknown user in an
      // unknown room still gets the room's 404, as before.
      await requireUsers(r, app, usernames).catch(async (error: unknown) => {
        await requireRoom(r, app, roomId);
        throw error;
      });
      let pending: readonly UserId[] = usernames;
      const joined: UserId[] = [];
      // The count after the last round that added anyone: that round holds the room until the
      // commit, so it is also the count after the whole unit (several coalesced requests included).
      let memberCount: number | undefined;
      for (let attempt = 0; attempt < MAX_ATTEMPTS && pending.length > 0; attempt++) {
        const { added, memberCount: after } = await joinOrThrow(r, app, roomId, pending, 'member', errors.joinCapExceeded);
        joined.push(...added);
        if (added.length > 0) memberCount = after;
        if (added.length === pending.length) break;
        // The others were members when `add` looked; one may have been removed or blocked since,
        // or the room never existed or was dissolved: look again, and add whoever is still missing.
        const roles = await r.memberships.rolesOf(app.id, roomId, pending);
        pending = pending.filter((u) => !roles.has(u));
        if (pending.length > 0) await requireRoom(r, app, roomId);
      }
      // Checked after `add`, which holds the room once it added anyone: a block committed
      // meanwhile is seen here (and an existing member cannot be blocked at the same time).
      const [blocked] = await r.roomUserLists.filter(app.id, roomId, 'blocklist', usernames);
      if (blocked !== undefined) throw errors.userBlocked(blocked, roomId);
      // Only those who were not members already (one event per unit: a coalesced unit lists
      // every request's users).
      r.events.append(...roomEvents.joined(app, roomId, joined, memberCount));
      return [...usernames];
    });
  }
}
