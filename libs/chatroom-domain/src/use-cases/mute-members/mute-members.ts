import type { App } from '../../model/app.js';
import { roomEvents } from '../../model/room-event.js';
import { assertBatch, assertMuteDuration, muteExpiry } from '../../model/room-moderation.js';
import { parseUserIds } from '../../model/user-id.js';
import type { MuteEntry } from '../../ports/mute-repository.js';
import type { Dependencies } from '../dependencies.js';
import { lockRoom, requireMembers } from '../room-guards.js';

/**
 * `POST /chatrooms/{id}/mute`: every target must be a member. `mute_duration` in ms;
 * `-1` mutes for ever; `0` lifts the mute (reported with `expire: 0`). `expiresAt`, when given,
 * is an end kept as is instead of one counted from now (an import keeps the source's).
 */
export class MuteMembers {
  constructor(private readonly deps: Pick<Dependencies, 'uow' | 'clock'>) {}

  async execute(app: App, roomId: string, rawUsernames: readonly string[], duration: number, expiresAt?: number): Promise<MuteEntry[]> {
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
      const end = expiresAt ?? muteExpiry(this.deps.clock.now(), duration);
      const entries = usernames.map((username) => ({ username, expiresAt: end }));
      await r.mutes.upsert(app.id, roomId, entries);
      r.events.append(...roomEvents.muted(app, roomId, usernames, end));
      return entries;
    });
  }
}
