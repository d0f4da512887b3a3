import type { App } from '../../model/app.js';
import type { Chatroom } from '../../model/chatroom.js';
import {
  clampPositiveInt,
  decodeCursor,
  encodeCursor,
  LIST_LIMIT_DEFAULT,
  LIST_LIMIT_MAX,
} from '../../model/paging.js';
import type { Dependencies } from '../dependencies.js';

export interface ListChatroomsInput {
  readonly limit?: number;
  readonly cursor?: string;
}

export interface ChatroomPage {
  readonly rooms: Chatroom[];
  /** Present only when another page exists. */
  readonly cursor?: string;
}

/** `GET /chatrooms`: newest first, keyset-paged by an opaque cursor. */
export class ListChatrooms {
  constructor(private readonly deps: Pick<Dependencies, 'uow'>) {}

  async execute(app: App, input: ListChatroomsInput): Promise<ChatroomPage> {
    const limit = clampPositiveInt('limit', input.limit, LIST_LIMIT_DEFAULT, LIST_LIMIT_MAX);
    const before = input.cursor === undefined ? undefined : decodeCursor(input.cursor);
    // One extra row tells whether another page exists without a count query.
    const rows = await this.deps.uow.read((r) => r.chatrooms.listPage(app.id, limit + 1, before));
    const rooms = rows.slice(0, limit);
    if (rows.length <= limit) return { rooms };
    return { rooms, cursor: encodeCursor(rooms[rooms.length - 1]!.seq) };
  }
}
