import type { ChatroomPatch } from './chatroom-repository.js';
import type { RoomEvent } from '../model/room-event.js';
import type { UserId } from '../model/user-id.js';
import type { Outcome } from './room-commands.js';

/** The refusals of the settings commands (part of `Refusal`). */
export type SettingsRefusal =
  /** A `maxusers` below the members the room has; `memberCount` is the count the guard saw. */
  | { readonly refused: 'below-members'; readonly memberCount: number }
  /** The user an attribute write is made for is not a member of the room. */
  | { readonly refused: 'not-in-room' };

export interface ModifyRoomCommand {
  readonly appId: string;
  readonly roomId: string;
  /** The fields to change (at least one); `maxUsers` within the app's ceiling, checked by the domain. */
  readonly patch: Pick<ChatroomPatch, 'name' | 'description' | 'maxUsers'>;
  /** The `UPDATE`/`INFO` event; the store sets `payload.info` to the room as modified (`roomInfo`). */
  readonly updated: RoomEvent;
}

export interface SetAttributesCommand {
  readonly appId: string;
  readonly roomId: string;
  /** Who sets them: a member of the room, the owner of the keys set. */
  readonly owner: UserId;
  /** The attributes the domain's own checks accepted, distinct keys, in the order asked. */
  readonly attributes: readonly { readonly key: string; readonly value: string }[];
  /** Whether the attributes go when their owner leaves the room. */
  readonly autoDelete: boolean;
  /** The forced variant may overwrite keys other members own. */
  readonly forced: boolean;
  /** The most attributes a room may hold. */
  readonly maxAttributes: number;
  /** The `METADATA`/`SET` event; the store sets `payload.properties` to the attributes set, and stores it when any was. */
  readonly set: RoomEvent;
}

/** What a set did with each key it was given: set, or refused (and why), in the order asked. */
export interface SetAttributesDone {
  readonly setKeys: string[];
  /** Existing keys another member owns (never under `forced`). */
  readonly ownedByOthers: string[];
  /** New keys for which the room had no place left. */
  readonly overLimit: string[];
}

export interface DeleteAttributesCommand {
  readonly appId: string;
  readonly roomId: string;
  /** Who deletes them; unless `forced`, a member of the room, and only their own keys go. */
  readonly user: UserId;
  /** Distinct keys, in the order asked. */
  readonly keys: readonly string[];
  readonly forced: boolean;
  /** The `METADATA`/`DELETE` event; the store sets `payload.keys` to those deleted, and stores it when any was. */
  readonly deleted: RoomEvent;
}

/** What a deletion did with each key, in the order asked. */
export interface DeleteAttributesDone {
  readonly deletedKeys: string[];
  readonly missing: string[];
  /** Keys another member owns (never under `forced`). */
  readonly ownedByOthers: string[];
}

/**
 * The guarded commands on a room's settings and attributes, each one atomic unit answering
 * with an outcome, as the other `RoomCommands` (which extends this).
 */
export interface RoomSettingsCommands {
  /**
   * Sets the room's name, description and `maxusers`; `maxusers` not below the room's member
   * count. Refusals, in order: `room-missing`, `below-members`.
   */
  modifyRoom(command: ModifyRoomCommand): Promise<Outcome<Record<never, never>>>;
  /**
   * Sets the attributes the room has place for and the user may set (one owner per key, at
   * most `maxAttributes` keys). Refusals, in order: `room-missing`, `not-in-room`.
   */
  setAttributes(command: SetAttributesCommand): Promise<Outcome<SetAttributesDone>>;
  /** Deletes the keys the user may delete. Refusals, in order: `room-missing`, `not-in-room` (unless forced). */
  deleteAttributes(command: DeleteAttributesCommand): Promise<Outcome<DeleteAttributesDone>>;
}
