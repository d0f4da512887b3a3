import type { RoomAttribute } from '../model/room-attribute.js';
import type { UserId } from '../model/user-id.js';

export interface RoomAttributeRepository {
  /** The room's attributes, all or those among `keys`, in key order. */
  list(appId: string, roomId: string, keys?: readonly string[]): Promise<RoomAttribute[]>;
  count(appId: string, roomId: string): Promise<number>;
  /** Creates or replaces each attribute by key (its owner and autoDelete included). */
  upsert(appId: string, roomId: string, attributes: readonly RoomAttribute[]): Promise<void>;
  /** Removes the keys; missing keys are ignored. */
  remove(appId: string, roomId: string, keys: readonly string[]): Promise<void>;
  /** Removes the attributes these users own with autoDelete (they are leaving the room). */
  removeAutoDeleteOf(appId: string, roomId: string, owners: readonly UserId[]): Promise<void>;
}
