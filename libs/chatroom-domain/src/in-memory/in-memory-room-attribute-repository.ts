import type { RoomAttribute } from '../model/room-attribute.js';
import type { UserId } from '../model/user-id.js';
import type { RoomAttributeRepository } from '../ports/room-attribute-repository.js';
import type { InMemoryState } from './in-memory-state.js';

export class InMemoryRoomAttributeRepository implements RoomAttributeRepository {
  constructor(private readonly state: InMemoryState) {}

  async list(appId: string, roomId: string, keys?: readonly string[]): Promise<RoomAttribute[]> {
    const wanted = keys === undefined ? undefined : new Set(keys);
    return [...this.state.attributesOf(appId, roomId).values()]
      .filter((a) => wanted === undefined || wanted.has(a.key))
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }

  async count(appId: string, roomId: string): Promise<number> {
    return this.state.attributesOf(appId, roomId).size;
  }

  async upsert(appId: string, roomId: string, attributes: readonly RoomAttribute[]): Promise<void> {
    const stored = this.state.attributesOf(appId, roomId);
    for (const attribute of attributes) stored.set(attribute.key, attribute);
  }

  async remove(appId: string, roomId: string, keys: readonly string[]): Promise<void> {
    const stored = this.state.attributesOf(appId, roomId);
    for (const key of keys) stored.delete(key);
  }

  async removeAutoDeleteOf(appId: string, roomId: string, owners: readonly UserId[]): Promise<void> {
    const leaving = new Set(owners);
    const stored = this.state.attributesOf(appId, roomId);
    for (const [key, a] of stored) if (a.autoDelete && leaving.has(a.owner)) stored.delete(key);
  }
}
