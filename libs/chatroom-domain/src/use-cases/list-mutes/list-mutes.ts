import type { App } from '../../model/app.js';
import type { MuteEntry } from '../../ports/mute-repository.js';
import type { Dependencies } from '../dependencies.js';
import { requireRoom } from '../room-guards.js';

/** `GET /chatrooms/{id}/mute`: expired mutes are left out at read time (no sweeper needed). */
export class ListMutes {
  constructor(private readonly deps: Pick<Dependencies, 'uow' | 'clock'>) {}

  async execute(app: App, roomId: string): Promise<MuteEntry[]> {
    return this.deps.uow.read(async (r) => {
      await requireRoom(r, app, roomId);
      return r.mutes.listActive(app.id, roomId, this.deps.clock.now());
    });
  }
}
