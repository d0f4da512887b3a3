import { errors } from '../../errors/error-catalogue.js';
import { roomEvents } from '../../model/room-event.js';
import type { App } from '../../model/app.js';
import { assertAttributeBatch } from '../../model/room-attribute.js';
import { parseUserId } from '../../model/user-id.js';
import type { Dependencies } from '../dependencies.js';
import { lockRoom } from '../room-guards.js';
import type { AttributeResult } from '../set-room-attributes/set-room-attributes.js';

/**
 * `DELETE /metadata/chatroom/{id}/user/{username}[/forced]`: removes the user's own keys;
 * the forced variant removes anyone's.
 */
export class DeleteRoomAttributes {
  constructor(private readonly deps: Pick<Dependencies, 'uow'>) {}

  async execute(
    app: App,
    roomId: string,
    rawUsername: string,
    keys: readonly string[],
    forced: boolean,
  ): Promise<AttributeResult> {
    assertAttributeBatch(keys.length, 'keys');
    const user = parseUserId(rawUsername);
    return this.deps.uow.write(async (r) => {
      await lockRoom(r, app, roomId);
      if (!forced && (await r.memberships.roleOf(app.id, roomId, user)) === null) throw errors.notInChatroom();
      const current = new Map((await r.roomAttributes.list(app.id, roomId, keys)).map((a) => [a.key, a]));
      // Pairs, not assignments: a key named `__proto__` must show up in errorKeys too.
      const failed: [string, string][] = [];
      const removable: string[] = [];
      for (const key of new Set(keys)) {
        const existing = current.get(key);
        if (!existing) failed.push([key, `the key ${key} does not exist`]);
        else if (existing.owner !== user && !forced) failed.push([key, 'others are not allowed to be deleted']);
        else removable.push(key);
      }
      await r.roomAttributes.remove(app.id, roomId, removable);
      r.events.append(...roomEvents.attributesDeleted(app, roomId, user, removable));
      return { successKeys: removable, errorKeys: Object.fromEntries(failed) };
    });
  }
}
