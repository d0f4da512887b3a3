import { errors } from '../../errors/error-catalogue.js';
import { roomEvents } from '../../model/room-event.js';
import type { App } from '../../model/app.js';
import {
  assertAttributeBatch,
  ATTRIBUTES_PER_ROOM_MAX,
  attributeProblem,
  type RoomAttribute,
} from '../../model/room-attribute.js';
import { parseUserId } from '../../model/user-id.js';
import type { Dependencies } from '../dependencies.js';
import { lockRoom } from '../room-guards.js';

export interface AttributeResult {
  readonly successKeys: string[];
  /** Key → why it was not set; the call still succeeds. */
  readonly errorKeys: Record<string, string>;
}

export interface SetRoomAttributesInput {
  readonly metaData: Readonly<Record<string, string>>;
  /** `DELETE` (default): the attributes go when their owner leaves; `NO_DELETE`: they stay. */
  readonly autoDelete?: 'DELETE' | 'NO_DELETE';
  /** The forced variant may overwrite keys other members own. */
  readonly forced: boolean;
}

/** `PUT /metadata/chatroom/{id}/user/{username}[/forced]`. */
export class SetRoomAttributes {
  constructor(private readonly deps: Pick<Dependencies, 'uow'>) {}

  async execute(
    app: App,
    roomId: string,
    rawUsername: string,
    input: SetRoomAttributesInput,
  ): Promise<AttributeResult> {
    const entries = Object.entries(input.metaData);
    assertAttributeBatch(entries.length, 'metaData');
    const owner = parseUserId(rawUsername);
    const autoDelete = (input.autoDelete ?? 'DELETE') === 'DELETE';
    return this.deps.uow.write(async (r) => {
      // The lock makes "one owner per key" and "≤ 100 keys" hold against concurrent setters.
      await lockRoom(r, app, roomId);
      if ((await r.memberships.roleOf(app.id, roomId, owner)) === null) throw errors.notInChatroom();
      const current = new Map(
        (
          await r.roomAttributes.list(
            app.id,
            roomId,
            entries.map(([k]) => k),
          )
        ).map((a) => [a.key, a]),
      );
      let room = ATTRIBUTES_PER_ROOM_MAX - (await r.roomAttributes.count(app.id, roomId));
      // Pairs, not assignments: a key named `__proto__` must show up in errorKeys too.
      const failed: [string, string][] = [];
      const accepted: RoomAttribute[] = [];
      for (const [key, value] of entries) {
        const existing = current.get(key);
        const problem =
          attributeProblem(key, value) ??
          (existing && existing.owner !== owner && !input.forced ? 'others are not allowed to be set' : null) ??
          (!existing && room <= 0
            ? `the number of attributes of chatroom ${roomId} has reached the limit of ${ATTRIBUTES_PER_ROOM_MAX}`
            : null);
        if (problem !== null) {
          failed.push([key, problem]);
          continue;
        }
        if (!existing) room--;
        accepted.push({ key, value, owner, autoDelete });
      }
      await r.roomAttributes.upsert(app.id, roomId, accepted);
      r.events.append(
        ...roomEvents.attributesSet(app, roomId, owner, Object.fromEntries(accepted.map((a) => [a.key, a.value]))),
      );
      return { successKeys: accepted.map((a) => a.key), errorKeys: Object.fromEntries(failed) };
    });
  }
}
