import type { App } from '../../model/app.js';
import { clampPositiveInt, decodeCursor, encodeCursor, LIST_LIMIT_DEFAULT } from '../../model/paging.js';
import type { StoredRoomEvent } from '../../model/room-event.js';
import type { Dependencies } from '../dependencies.js';

/** Most events per audit-trail page. */
export const EVENTS_LIMIT_MAX = 100;

export interface RoomEventPage {
  readonly events: StoredRoomEvent[];
  /** Present only when another page exists. */
  readonly cursor?: string;
}

/**
 * `GET /chatrooms/{id}/events` (our extension): the room's audit trail, newest first,
 * keyset-paged. A dissolved room keeps its trail until retention prunes it, so an unknown
 * room is an empty page, not a 404. `super_admin` names the app-wide (super admin) events.
 */
export class ListRoomEvents {
  constructor(private readonly deps: Pick<Dependencies, 'uow'>) {}

  async execute(app: App, roomId: string, input: { limit?: number; cursor?: string }): Promise<RoomEventPage> {
    const limit = clampPositiveInt('limit', input.limit, LIST_LIMIT_DEFAULT, EVENTS_LIMIT_MAX);
    const before = input.cursor === undefined ? undefined : decodeCursor(input.cursor);
    const key = roomId === 'super_admin' ? '' : roomId;
    const rows = await this.deps.uow.read((r) => r.eventLog.roomPage(app.id, key, limit + 1, before));
    const events = rows.slice(0, limit);
    if (rows.length <= limit) return { events };
    return { events, cursor: encodeCursor(events[events.length - 1]!.seq) };
  }
}
