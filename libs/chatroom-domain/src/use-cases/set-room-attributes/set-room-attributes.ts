import { roomEvents } from '../../model/room-event.js';
import type { App } from '../../model/app.js';
import { assertAttributeBatch, ATTRIBUTES_PER_ROOM_MAX, attributeProblem } from '../../model/room-attribute.js';
import { parseUserId } from '../../model/user-id.js';
import type { Dependencies } from '../dependencies.js';
import { doneOrThrow } from '../room-commands/refusal-errors.js';

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
    // The store keeps "one owner per key" and "at most 100 keys" in one command on the locked
    // room; the checks of a key and its value alone are made here.
    const problems = new Map<string, string>();
    const attributes: { key: string; value: string }[] = [];
    for (const [key, value] of entries) {
      const problem = attributeProblem(key, value);
      if (problem === null) attributes.push({ key, value });
      else problems.set(key, problem);
    }
    const done = doneOrThrow(
      await this.deps.uow.commands.setAttributes({
        appId: app.id,
        roomId,
        owner,
        attributes,
        autoDelete,
        forced: input.forced,
        maxAttributes: ATTRIBUTES_PER_ROOM_MAX,
        set: roomEvents.attributesSetBy(app, roomId, owner),
      }),
      roomId,
    );
    const others = new Set(done.ownedByOthers);
    const overLimit = new Set(done.overLimit);
    // Pairs, not assignments: a key named `__proto__` must show up in errorKeys too.
    const failed: [string, string][] = [];
    for (const [key] of entries) {
      const problem =
        problems.get(key) ??
        (others.has(key) ? 'others are not allowed to be set' : null) ??
        (overLimit.has(key)
          ? `the number of attributes of chatroom ${roomId} has reached the limit of ${ATTRIBUTES_PER_ROOM_MAX}`
          : null);
      if (problem !== null) failed.push([key, problem]);
    }
    return { successKeys: done.setKeys, errorKeys: Object.fromEntries(failed) };
  }
}
