import type { App } from '../../model/app.js';
import { roomEvents } from '../../model/room-event.js';
import { parseUserId } from '../../model/user-id.js';
import type { Dependencies } from '../dependencies.js';
import { doneOrThrow } from '../room-commands/refusal-errors.js';

/** `PUT /chatrooms/{id}` with `newowner`: the old owner stays as an ordinary member. */
export class TransferChatroom {
  constructor(private readonly deps: Pick<Dependencies, 'uow'>) {}

  async execute(app: App, roomId: string, rawNewOwner: string): Promise<void> {
    const newOwner = parseUserId(rawNewOwner);
    // The old owner is known to the store only: it fills the event's `owner`.
    const transferred = roomEvents.transferred(app, roomId, newOwner, newOwner);
    doneOrThrow(await this.deps.uow.commands.transfer({ appId: app.id, roomId, newOwner, transferred }), roomId);
  }
}
