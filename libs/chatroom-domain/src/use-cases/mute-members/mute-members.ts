import type { App } from '../../model/app.js';
import { roomEvents } from '../../model/room-event.js';
import { assertBatch, assertMuteDuration, muteExpiry } from '../../model/room-moderation.js';
import { parseUserIds } from '../../model/user-id.js';
import type { MuteEntry } from '../../ports/mute-repository.js';
import type { Dependencies } from '../dependencies.js';
import { doneOrThrow } from '../room-commands/refusal-errors.js';

/**
 * `POST /chatrooms/{id}/mute`: every target must be a member. `mute_duration` in ms;
 * `-1` mutes for ever; `0` lifts the mute (reported with `expire: 0`). `expiresAt`, when given,
 * is an end kept as is instead of one counted from now (an import keeps the source's).
 */
export class MuteMembers {
  constructor(private readonly deps: Pick<Dependencies, 'uow' | 'clock'>) {}

  async execute(
    app: App,
    roomId: string,
    rawUsernames: readonly string[],
    duration: number,
    expiresAt?: number,
  ): Promise<MuteEntry[]> {
    assertBatch('mute', rawUsernames);
    assertMuteDuration(duration);
    const usernames = parseUserIds(rawUsernames);
    const end = duration === 0 ? 0 : (expiresAt ?? muteExpiry(this.deps.clock.now(), duration));
    const muted =
      end === 0 ? roomEvents.unmuted(app, roomId, usernames)[0]! : roomEvents.muted(app, roomId, usernames, end)[0]!;
    doneOrThrow(await this.deps.uow.commands.mute({ appId: app.id, roomId, usernames, expiresAt: end, muted }), roomId);
    return usernames.map((username) => ({ username, expiresAt: end }));
  }
}
