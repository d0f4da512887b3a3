import { roomEvents } from '../../model/room-event.js';
import type { App } from '../../model/app.js';
import { assertAttributeBatch } from '../../model/room-attribute.js';
import { parseUserId } from '../../model/user-id.js';
import type { Dependencies } from '../dependencies.js';
import { doneOrThrow } from '../room-commands/refusal-errors.js';
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
    const done = doneOrThrow(
      await this.deps.uow.commands.deleteAttributes({
        appId: app.id,
        roomId,
        user,
        keys: [...new Set(keys)],
        forced,
        deleted: roomEvents.attributesDeletedBy(app, roomId, user),
      }),
      roomId,
    );
    const missing = new Set(done.missing);
    const others = new Set(done.ownedByOthers);
    // Pairs, not assignments: a key named `__proto__` must show up in errorKeys too.
    const failed: [string, string][] = [];
    for (const key of new Set(keys)) {
      if (missing.has(key)) failed.push([key, `the key ${key} does not exist`]);
      else if (others.has(key)) failed.push([key, 'others are not allowed to be deleted']);
    }
    return { successKeys: done.deletedKeys, errorKeys: Object.fromEntries(failed) };
  }
}
