import type { App } from '../../model/app.js';
import type { Chatroom } from '../../model/chatroom.js';
import {
  clampPositiveInt,
  decodeCursor,
  encodeCursor,
  LIST_LIMIT_DEFAULT,
  LIST_LIMIT_MAX,
} from '../../model/paging.js';
import type { ConsoleQueries } from '../../ports/console-queries.js';
import type { Dependencies } from '../dependencies.js';

export interface SearchRoomsInput {
  /** An exact room id: that room alone (or none). */
  readonly id?: string;
  readonly namePrefix?: string;
  readonly owner?: string;
  readonly limit?: number;
  readonly cursor?: string;
}

export interface RoomSearchPage {
  readonly rooms: Chatroom[];
  /** Present only when another page exists. */
  readonly cursor?: string;
}

/** The console's room list: newest first, keyset-paged, narrowed by name prefix and owner. */
export class SearchRooms {
  constructor(private readonly deps: Pick<Dependencies, 'uow'> & { readonly queries: ConsoleQueries }) {}

  async execute(app: App, input: SearchRoomsInput): Promise<RoomSearchPage> {
    if (input.id !== undefined) {
      const room = await this.deps.uow.read((r) => r.chatrooms.findById(app.id, input.id!));
      return { rooms: room ? [room] : [] };
    }
    const limit = clampPositiveInt('limit', input.limit, LIST_LIMIT_DEFAULT, LIST_LIMIT_MAX);
    const beforeSeq = input.cursor === undefined ? undefined : decodeCursor(input.cursor);
    // One extra row tells whether another page exists without a count query.
    const rows = await this.deps.queries.searchRooms(app.id, {
      limit: limit + 1,
      ...(beforeSeq !== undefined && { beforeSeq }),
      ...(input.namePrefix !== undefined && input.namePrefix !== '' && { namePrefix: input.namePrefix }),
      ...(input.owner !== undefined && input.owner !== '' && { owner: input.owner }),
    });
    const rooms = rows.slice(0, limit);
    if (rows.length <= limit) return { rooms };
    return { rooms, cursor: encodeCursor(rooms[rooms.length - 1]!.seq) };
  }
}
