import type { Chatroom } from '../model/chatroom.js';
import type {
  ConsoleQueries,
  DeadDeliveryRevival,
  DeliveryCounts,
  DeliveryView,
  RoomSearch,
} from '../ports/console-queries.js';
import type { InMemoryState } from './in-memory-state.js';

/** Over the in-memory state; it delivers no events, so there are never deliveries to show. */
export class InMemoryConsoleQueries implements ConsoleQueries, DeadDeliveryRevival {
  constructor(private readonly state: InMemoryState) {}

  async searchRooms(appId: string, search: RoomSearch): Promise<Chatroom[]> {
    const rooms = [...(this.state.rooms.get(appId)?.values() ?? [])]
      .filter((room) => search.beforeSeq === undefined || room.seq < search.beforeSeq)
      .filter((room) => search.namePrefix === undefined || room.name.startsWith(search.namePrefix))
      .filter((room) => search.owner === undefined || room.owner === search.owner)
      .sort((a, b) => b.seq - a.seq);
    return rooms.slice(0, search.limit);
  }

  async deliveries(): Promise<DeliveryView[]> {
    return [];
  }

  async deliveryCounts(): Promise<Map<string, DeliveryCounts>> {
    return new Map();
  }

  async reviveDead(): Promise<number> {
    return 0;
  }
}
