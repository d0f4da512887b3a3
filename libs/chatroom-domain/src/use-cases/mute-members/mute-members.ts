import type { App } from '../../model/app.js';
import { roomEvents } from '../../model/room-event.js';
import { assertBatch, assertMuteDuration, muteExpiry } from '../../model/room-moderation.js';
import { parseUserIds } from '../../model/user-id.js';
import type { MuteEntry } from '../../ports/mute-repository.js';
import type { Dependencies } from '../dependencies.js';
import { lockRoom, requireMembers } from '../room-guards.js';

/**
 * `POST /chatrooms/{id}/mute`: every target must be a member. `mute_duration` in ms;
 * `-1` mutes for ever; `0` lifts the mute (reported with `expire: 0`).
 */
export class MuteMembers {
  constructor(private readonly deps: Pick<Dependencies, 'uow' | 'clock'>) {}

  async execute(app: App, roomId: string, rawUsernames: readonly string[], duration: number): Promise<MuteEntry[]> {
    assertBatch('mute', rawUsernames);
    assertMuteDuration(duration);
    const usernames = parseUserIds(rawUsernames);
    return this.deps.uow.write(async (r) => {
      await lockRoom(r, app, roomId);
      await requireMembers(r, app, roomId, usernames);
      if (duration === 0) {
        await r.mutes.remove(app.id, roomId, usernames);
        r.events.append(...roomEvents.unmuted(app, roomId, usernames));
        return usernames.map((username) => ({ username, expiresAt: 0 }));
      }
      const expiresAt = muteExpiry(this.deps.clock.now(), duration);
      const entries = usernames.map((username) => ({ username, expiresAt }));
      await r.mutes.upsert(app.id, roomId, entries);
      r.events.append(...roomEvents.muted(app, roomId, usernames, expiresAt));
      return entries;
    });
  }
}
