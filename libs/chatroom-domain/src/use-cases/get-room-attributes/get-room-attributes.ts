import type { App } from '../../model/app.js';
import type { Dependencies } from '../dependencies.js';
import { requireRoom } from '../room-guards.js';

/** `POST /metadata/chatroom/{id}`: those among `keys`, or all of them when no keys are named. */
export class GetRoomAttributes {
  constructor(private readonly deps: Pick<Dependencies, 'uow'>) {}

  async execute(app: App, roomId: string, keys?: readonly string[]): Promise<Record<string, string>> {
    return this.deps.uow.read(async (r) => {
      await requireRoom(r, app, roomId);
      const attributes = await r.roomAttributes.list(app.id, roomId, keys?.length ? keys : undefined);
      return Object.fromEntries(attributes.map((a) => [a.key, a.value]));
    });
  }
}
